package io.dyninka.runtime;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pulls one input from an upstream service over pooled keep-alive HTTP/1.1 connections.
 *
 * <p>Each service verticle owns one, so connections live on that verticle's event loop and an
 * answer never hops threads. A pull that cannot connect fails with a 502 problem, one that takes
 * longer than the timeout with a 504; problems the upstream answers are returned, not thrown, so
 * that the caller propagates them unchanged.
 */
final class UpstreamClient {

  /** An upstream's answer: status, body, and its {@code Server-Timing} entries. */
  record Answer(int status, Buffer body, String contentType, String serverTiming) {}

  private final HttpClientAgent client;
  private final Peers peers;
  private final long timeoutMillis;
  private final String self;

  UpstreamClient(Vertx vertx, Peers peers, long timeoutMillis, String self) {
    this.peers = peers;
    this.timeoutMillis = timeoutMillis;
    this.self = self;
    this.client =
        vertx
            .httpClientBuilder()
            .with(
                new HttpClientOptions()
                    .setKeepAlive(true)
                    .setTcpNoDelay(true)
                    .setConnectTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE)))
            .with(new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024))
            .build();
  }

  /**
   * Calls {@code service} at {@code /}, forwarding the request body (if any), the remaining route
   * and the trace context.
   */
  Future<Answer> pull(String service, String route, Buffer body, String traceparent) {
    URI peer = peers.of(service);
    RequestOptions options =
        new RequestOptions()
            .setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
            .setHost(peer.getHost())
            .setPort(peer.getPort() < 0 ? 80 : peer.getPort())
            .setURI("/")
            .setIdleTimeout(timeoutMillis);
    MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
    headers.set(TraceParent.HEADER, traceparent);
    if (route != null) {
      headers.set(RoutePlanner.HEADER, route);
    }
    if (body != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    options.setHeaders(headers);
    return client
        .request(options)
        .compose(request -> body == null ? request.send() : request.send(body))
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
                                response.getHeader(ServerTiming.HEADER))))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(new ProblemException(problemFor(service, peer, failure))));
  }

  private Problem problemFor(String service, URI peer, Throwable failure) {
    if (failure instanceof TimeoutException) {
      return Problem.of(
          "upstream-timeout",
          "Upstream timed out",
          504,
          "upstream '" + service + "' did not answer within " + timeoutMillis + " ms",
          self);
    }
    return Problem.of(
        "upstream-unreachable",
        "Upstream unreachable",
        502,
        "upstream '" + service + "' at " + peer + " is unreachable: " + failure.getMessage(),
        self);
  }

  Future<Void> close() {
    return client.close();
  }
}
