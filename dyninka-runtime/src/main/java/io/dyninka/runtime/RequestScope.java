package io.dyninka.runtime;

import io.vertx.core.http.HttpClientRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the upstream calls of one incoming request share: its trace, its deadline, and the calls in
 * flight, which are reset when the client goes away or the deadline passes ({@link DeadlineWatch})
 * so that no upstream keeps working for nobody; and whether the request has ended, so that it gives
 * back its place among the requests in flight exactly once. Lives on one event loop, so it needs no
 * locks.
 */
final class RequestScope {

  static final String DEADLINE_HEADER = "Dyninka-Deadline-Ms";

  private String traceparent;
  private final long deadlineNanos;
  private final List<HttpClientRequest> inFlight = new ArrayList<>(2);
  private boolean cancelled;
  private boolean ended;

  RequestScope(String traceparent, long budgetMillis) {
    this.traceparent = traceparent;
    this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000;
  }

  /**
   * The time budget of a request: this service's timeout, or less when the caller sent a smaller
   * {@code Dyninka-Deadline-Ms}; anything that is not a plain positive number is ignored.
   */
  static long budget(String header, long timeoutMillis) {
    if (header == null || header.isEmpty() || header.length() > 9) {
      return timeoutMillis;
    }
    for (int i = 0; i < header.length(); i++) {
      if (!Character.isDigit(header.charAt(i))) {
        return timeoutMillis;
      }
    }
    return Math.min(Long.parseLong(header), timeoutMillis);
  }

  String traceparent() {
    return traceparent;
  }

  /** Replaces the trace context the pulls continue: the server span's, when tracing is on. */
  void traceparent(String value) {
    this.traceparent = value;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  long remainingMillis() {
    return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  boolean cancelled() {
    return cancelled;
  }

  void track(HttpClientRequest request) {
    if (cancelled || remainingMillis() <= 0) {
      request.reset();
    } else {
      inFlight.add(request);
    }
  }

  /** True the first time the request ends, whether answered or cut off; false after. */
  boolean end() {
    if (ended) {
      return false;
    }
    ended = true;
    return true;
  }

  /** The client left: stop every pull this request started. */
  void cancel() {
    cancelled = true;
    stopPulls();
  }

  /** The deadline passed: stop the pulls, which so fail and are answered as timed out. */
  void expire() {
    stopPulls();
  }

  private void stopPulls() {
    inFlight.forEach(HttpClientRequest::reset);
    inFlight.clear();
  }
}
