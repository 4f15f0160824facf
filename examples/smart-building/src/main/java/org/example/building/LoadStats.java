package org.example.building;

import io.dyninka.runtime.ServerTiming;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo measured, safe to update from every event loop and to read while it runs: answers
 * by status, the latest average, and the timings the per-hop overhead comes from.
 */
final class LoadStats {

  private final int total;
  private final int chainLength;
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;
  private final LongAdder averaged = new LongAdder();
  private final LongAdder filtered = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder endToEndNanos = new LongAdder();
  private final DoubleAdder processMillis = new DoubleAdder();
  private final LongAdder hops = new LongAdder();
  private final LongAdder timedAnswers = new LongAdder();
  private final AtomicReference<Average> latest = new AtomicReference<>();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  /**
   * @param total how many requests the run sends
   * @param chainLength how many services every request crosses: in a linear app, all of them
   */
  LoadStats(int total, int chainLength) {
    this.total = total;
    this.chainLength = chainLength;
  }

  /** Counts one answer of the sink. */
  void answered(int status, String serverTiming, String body, long nanos) {
    if (status == 200) {
      Average average = parseAverage(body);
      // Answers arrive out of order when several are in flight; the largest count is the latest.
      latest.accumulateAndGet(average, (a, b) -> a == null || b.count() > a.count() ? b : a);
      averaged.increment();
    } else if (status == 204) {
      filtered.increment();
    } else {
      failed("HTTP " + status + ": " + body);
      return;
    }
    List<ServerTiming.Entry> timing = ServerTiming.parse(serverTiming);
    if (!timing.isEmpty()) {
      endToEndNanos.add(nanos);
      processMillis.add(ServerTiming.totalMillis(timing));
      // A 204 may carry entries only up to the service that filtered; the services below it were
      // still crossed, so they count as hops (their own time, a pass-through, is negligible).
      hops.add(Math.max(timing.size(), chainLength));
      timedAnswers.increment();
    }
  }

  /** Counts a request that got no usable answer; keeps the first reason to report it. */
  void failed(String reason) {
    failed.increment();
    firstFailure.compareAndSet(null, reason);
  }

  void finish() {
    endNanos = System.nanoTime();
  }

  int total() {
    return total;
  }

  long done() {
    return averaged.sum() + filtered.sum() + failed.sum();
  }

  long averaged() {
    return averaged.sum();
  }

  long filtered() {
    return filtered.sum();
  }

  long failed() {
    return failed.sum();
  }

  /** The sink's latest answer, or null before the first temperature got through. */
  Average latest() {
    return latest.get();
  }

  String firstFailure() {
    return firstFailure.get();
  }

  double elapsedSeconds() {
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    return (end - startNanos) / 1e9;
  }

  double requestsPerSecond() {
    double seconds = elapsedSeconds();
    return seconds > 0 ? done() / seconds : 0;
  }

  /** Mean time from sending a request to its full answer, in ms, over answers with timings. */
  double meanLatencyMillis() {
    long n = timedAnswers.sum();
    return n == 0 ? Double.NaN : endToEndNanos.sum() / 1e6 / n;
  }

  /** The mean number of services a request traversed. */
  double meanHops() {
    long n = timedAnswers.sum();
    return n == 0 ? Double.NaN : (double) hops.sum() / n;
  }

  /**
   * The mean cost of one hop: end-to-end time minus the services' own process time, spread over the
   * hops (connection, HTTP, JSON, scheduling), in ms. NaN without Server-Timing headers.
   */
  double meanHopOverheadMillis() {
    long n = hops.sum();
    return n == 0 ? Double.NaN : (endToEndNanos.sum() / 1e6 - processMillis.sum()) / n;
  }

  private static Average parseAverage(String body) {
    JsonObject json = new JsonObject(body);
    return new Average(json.getDouble("average"), json.getLong("count"));
  }
}
