package io.dyninka.runtime;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Pulls one input from an upstream service over pooled keep-alive HTTP/1.1 connections.
 *
 * <p>Each service verticle owns one, so connections live on that verticle's event loop and an
 * answer never hops threads. A pull that cannot connect is retried with backoff and jitter, on the
 * next replica; one that failed after the upstream may have started is retried only when that
 * service is idempotent. Each upstream has a circuit breaker. A pull that still cannot be made
 * fails with a 502 problem (503 while the breaker is open), one that outlives the request's
 * deadline with a 504. Problems the upstream answers are returned, not thrown, so that the caller
 * propagates them unchanged.
 */
final class UpstreamClient {

  /** An upstream's answer: status, body, and its {@code Server-Timing} entries. */
  record Answer(int status, Buffer body, String contentType, String serverTiming) {}

  private static final long BREAKER_RESET_MILLIS = 2_000;
  private static final long BACKOFF_MILLIS = 25;
  private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized(TraceParent.HEADER);
  private static final CharSequence DEADLINE =
      HttpHeaders.createOptimized(RequestScope.DEADLINE_HEADER);
  private static final CharSequence ROUTE = HttpHeaders.createOptimized(RoutePlanner.HEADER);
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final Peers peers;
  private final ServiceSetup setup;
  private final HostConfig config;
  private final String self;
  private final String authorization;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private int turn;

  UpstreamClient(Vertx vertx, ServiceSetup setup) {
    this.vertx = vertx;
    this.peers = setup.peers();
    this.setup = setup;
    this.config = setup.config();
    this.self = setup.name();
    this.authorization = config.token() == null ? null : "Bearer " + config.token();
    this.client =
        vertx
            .httpClientBuilder()
            .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
            .with(new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(config.maxInFlight()))
            .build();
  }

  /**
   * Calls {@code service} at {@code /}, forwarding the request body (if any), the remaining route,
   * the trace context and the time left.
   */
  Future<Answer> pull(String service, String route, Buffer body, RequestScope scope) {
    if (scope.remainingMillis() <= 0) {
      return Future.failedFuture(new ProblemException(timedOut(service)));
    }
    boolean idempotent = setup.idempotent(service);
    Supplier<Future<Answer>> call = () -> attempt(service, route, body, scope, idempotent, 0);
    CircuitBreaker breaker = breaker(service);
    Future<Answer> answer =
        breaker.state() == CircuitBreakerState.CLOSED
            ? call.get().andThen(outcome -> report(breaker, outcome))
            : breaker.execute(call);
    return answer.recover(
        failure -> Future.failedFuture(new ProblemException(problemFor(service, failure))));
  }

  /**
   * A closed breaker lets every pull through, so the pull goes out directly and only its outcome is
   * told to the breaker: {@code execute} would wrap each pull in two more promises and re-post its
   * completion to the event loop, a task per hop on the hot path. The library still decides
   * everything: it counts the failures, opens, times the reset, and gates every pull while it is
   * open or half-open.
   */
  private static void report(CircuitBreaker breaker, AsyncResult<Answer> outcome) {
    if (outcome.failed()) {
      breaker.execute(() -> Future.failedFuture(outcome.cause()));
    } else if (breaker.failureCount() > 0) {
      // What execute does on a success: a closed breaker counts consecutive failures only.
      breaker.reset();
    }
  }

  private Future<Answer> attempt(
      String service,
      String route,
      Buffer body,
      RequestScope scope,
      boolean idempotent,
      int attempt) {
    List<URI> replicas = peers.of(service);
    URI peer = replicas.get(Math.floorMod(turn++, replicas.size()));
    long remaining = scope.remainingMillis();
    RequestOptions options =
        new RequestOptions()
            .setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
            .setHost(peer.getHost())
            .setPort(peer.getPort() < 0 ? 80 : peer.getPort())
            .setURI("/")
            // The request's deadline, with one timer per attempt: the connect timeout covers the
            // wait for a pooled connection, the idle timeout the answer (an upstream sends its
            // answer at once), and either fails with a TimeoutException, a 504.
            .setConnectTimeout(Math.max(1, remaining))
            .setIdleTimeout(Math.max(1, remaining));
    Supplier<Future<Answer>> again =
        () -> attempt(service, route, body, scope, idempotent, attempt + 1);
    return client
        .request(options)
        .transform(
            connected -> {
              if (connected.failed()) {
                // Nothing reached the upstream: trying again is always safe.
                return retryOrFail(connected.cause(), attempt, scope, again);
              }
              Future<Answer> answer = send(connected.result(), route, body, scope);
              return idempotent
                  ? answer.recover(lost -> retryOrFail(lost, attempt, scope, again))
                  : answer;
            });
  }

  private Future<Answer> send(
      HttpClientRequest request, String route, Buffer body, RequestScope scope) {
    scope.track(request);
    // Straight onto the request, not through RequestOptions, which would copy a second header map.
    request.putHeader(TRACEPARENT, scope.traceparent());
    request.putHeader(DEADLINE, Long.toString(Math.max(1, scope.remainingMillis())));
    if (route != null) {
      request.putHeader(ROUTE, route);
    }
    if (body != null) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    }
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    return (body == null ? request.send() : request.send(body))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        buffer ->
                            new Answer(
                                response.statusCode(),
                                buffer,
                                response.getHeader(HttpHeaders.CONTENT_TYPE),
                                response.getHeader(ServerTiming.HEADER))));
  }

  /** Backs off exponentially, with jitter so that many callers don't retry in step. */
  private Future<Answer> retryOrFail(
      Throwable failure, int attempt, RequestScope scope, Supplier<Future<Answer>> again) {
    long delay =
        BACKOFF_MILLIS * (1L << attempt) + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS);
    if (attempt >= config.retries() || scope.cancelled() || delay >= scope.remainingMillis()) {
      return Future.failedFuture(failure);
    }
    return vertx.timer(delay, TimeUnit.MILLISECONDS).compose(fired -> again.get());
  }

  private CircuitBreaker breaker(String service) {
    return breakers.computeIfAbsent(
        service,
        name ->
            CircuitBreaker.create(
                self + "->" + name,
                vertx,
                new CircuitBreakerOptions()
                    .setMaxFailures(5)
                    .setTimeout(-1)
                    .setResetTimeout(BREAKER_RESET_MILLIS)
                    .setNotificationAddress(null)));
  }

  private Problem problemFor(String service, Throwable failure) {
    if (failure instanceof TimeoutException) {
      return timedOut(service);
    }
    if (failure instanceof OpenCircuitException) {
      return Problem.of(
          "upstream-failing",
          "Upstream failing",
          503,
          "upstream '"
              + service
              + "' failed repeatedly; calls resume after "
              + BREAKER_RESET_MILLIS
              + " ms",
          self);
    }
    return Problem.of(
        "upstream-unreachable",
        "Upstream unreachable",
        502,
        "upstream '"
            + service
            + "' at "
            + peers.of(service)
            + " is unreachable: "
            + failure.getMessage(),
        self);
  }

  private Problem timedOut(String service) {
    return Problem.of(
        "upstream-timeout",
        "Upstream timed out",
        504,
        "upstream '"
            + service
            + "' did not answer within the request's deadline (DYNINKA_TIMEOUT_MS = "
            + config.upstreamTimeout().toMillis()
            + " ms)",
        self);
  }

  Future<Void> close() {
    return client.close();
  }
}
