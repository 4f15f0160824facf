package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
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

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final Peers peers;
  private final AppManifest manifest;
  private final HostConfig config;
  private final String self;
  private final String authorization;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private int turn;

  UpstreamClient(Vertx vertx, ServiceSetup setup) {
    this.vertx = vertx;
    this.peers = setup.peers();
    this.manifest = setup.manifest();
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
    long budget = scope.remainingMillis();
    if (budget <= 0) {
      return Future.failedFuture(new ProblemException(timedOut(service)));
    }
    boolean idempotent = manifest.service(service).map(ServiceManifest::idempotent).orElse(false);
    return breaker(service)
        .<Answer>execute(() -> attempt(service, route, body, scope, idempotent, 0).timeout(budget, TimeUnit.MILLISECONDS))
        .recover(failure -> Future.failedFuture(new ProblemException(problemFor(service, failure))));
  }

  private Future<Answer> attempt(
      String service, String route, Buffer body, RequestScope scope, boolean idempotent, int attempt) {
    List<URI> replicas = peers.of(service);
    URI peer = replicas.get(Math.floorMod(turn++, replicas.size()));
    long remaining = scope.remainingMillis();
    RequestOptions options =
        new RequestOptions()
            .setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
            .setHost(peer.getHost())
            .setPort(peer.getPort() < 0 ? 80 : peer.getPort())
            .setURI("/")
            .setConnectTimeout(Math.max(1, remaining))
            .setIdleTimeout(Math.max(1, remaining))
            .setHeaders(headers(route, body, scope, remaining));
    Supplier<Future<Answer>> again = () -> attempt(service, route, body, scope, idempotent, attempt + 1);
    return client
        .request(options)
        .transform(
            connected -> {
              if (connected.failed()) {
                // Nothing reached the upstream: trying again is always safe.
                return retryOrFail(connected.cause(), attempt, scope, again);
              }
              Future<Answer> answer = send(connected.result(), body, scope);
              return idempotent ? answer.recover(lost -> retryOrFail(lost, attempt, scope, again)) : answer;
            });
  }

  private Future<Answer> send(HttpClientRequest request, Buffer body, RequestScope scope) {
    scope.track(request);
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
    long delay = BACKOFF_MILLIS * (1L << attempt) + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS);
    if (attempt >= config.retries() || scope.cancelled() || delay >= scope.remainingMillis()) {
      return Future.failedFuture(failure);
    }
    return vertx.timer(delay, TimeUnit.MILLISECONDS).compose(fired -> again.get());
  }

  private MultiMap headers(String route, Buffer body, RequestScope scope, long remaining) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    headers.set(TraceParent.HEADER, scope.traceparent());
    headers.set(RequestScope.DEADLINE_HEADER, Long.toString(remaining));
    if (route != null) {
      headers.set(RoutePlanner.HEADER, route);
    }
    if (body != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
    return headers;
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
          "upstream '" + service + "' failed repeatedly; calls resume after " + BREAKER_RESET_MILLIS + " ms",
          self);
    }
    return Problem.of(
        "upstream-unreachable",
        "Upstream unreachable",
        502,
        "upstream '" + service + "' at " + peers.of(service) + " is unreachable: " + failure.getMessage(),
        self);
  }

  private Problem timedOut(String service) {
    return Problem.of("upstream-timeout", "Upstream timed out", 504,
        "upstream '" + service + "' did not answer within the request's deadline (DYNINKA_TIMEOUT_MS = " + config.upstreamTimeout().toMillis() + " ms)", self);
  }

  Future<Void> close() {
    return client.close();
  }
}
