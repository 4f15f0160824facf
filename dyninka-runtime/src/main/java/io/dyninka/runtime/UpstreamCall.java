package io.dyninka.runtime;

import io.dyninka.runtime.Upstream.Answer;
import io.dyninka.runtime.UpstreamClient.Target;
import io.vertx.core.AsyncResult;
import io.vertx.core.Completable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One pull from an upstream service, through all its attempts: connect, send, read the answer, and
 * on a failure retry on the next replica or give up, then tell {@code done} once.
 *
 * <p>A pull is the hot path of every hop, so its steps are methods of one object handed to Vert.x's
 * own futures, instead of a chain of composed futures and capturing lambdas, each an allocation and
 * an indirection per hop.
 */
final class UpstreamCall {

  private final UpstreamClient client;
  private final Target target;
  private final String route;
  private final Buffer body;
  private final RequestScope scope;
  private final String traceparent;
  private final Completable<Answer> done;
  private final boolean idempotent;
  private int attempt;
  private int replica;
  private HttpClientResponse response;

  UpstreamCall(
      UpstreamClient client,
      Target target,
      String route,
      Buffer body,
      RequestScope scope,
      String traceparent,
      Completable<Answer> done) {
    this.client = client;
    this.target = target;
    this.route = route;
    this.body = body;
    this.scope = scope;
    this.traceparent = traceparent;
    this.done = done;
    this.idempotent = target.idempotent;
  }

  void start() {
    replica = target.nextReplica();
    URI peer = target.replica(replica);
    long remaining = Math.max(1, scope.remainingMillis());
    RequestOptions options =
        new RequestOptions()
            .setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
            .setHost(peer.getHost())
            .setPort(peer.getPort() < 0 ? 80 : peer.getPort())
            .setURI("/")
            // The request's deadline covers the wait for a pooled connection (a timer only while
            // waiting); once sent, the request's DeadlineWatch stops the pull when time is up.
            .setConnectTimeout(remaining);
    client.client().request(options).onComplete(this::onConnected);
  }

  private void onConnected(AsyncResult<HttpClientRequest> connected) {
    if (connected.failed()) {
      // Nothing reached the upstream: trying again is always safe.
      retryOrFail(connected.cause());
      return;
    }
    HttpClientRequest request = connected.result();
    scope.track(request);
    client.addHeaders(request, route, body != null, scope, traceparent);
    (body == null ? request.send() : request.send(body)).onComplete(this::onResponse);
  }

  private void onResponse(AsyncResult<HttpClientResponse> answered) {
    if (answered.failed()) {
      lost(answered.cause());
      return;
    }
    response = answered.result();
    if (response.statusCode() == 426 && upgradesToTls(response.getHeader(HttpHeaders.UPGRADE))) {
      // A TLS listener answered a pull in plain HTTP: a TLS failure, not an answer to pass on.
      response.body();
      done.fail(
          new SSLException(
              "it takes only TLS (426 Upgrade Required), and this service pulls in plain HTTP: give"
                  + " it DYNINKA_TLS_CERT, DYNINKA_TLS_KEY and DYNINKA_TLS_CA"));
      return;
    }
    String connection = response.getHeader(HttpHeaders.CONNECTION);
    if ("close".equalsIgnoreCase(connection)) {
      // A draining service's answer: pass over this replica while it stops (Target).
      target.leaving(replica);
    }
    response.body().onComplete(this::onBody);
  }

  private void onBody(AsyncResult<Buffer> read) {
    if (read.failed()) {
      lost(read.cause());
      return;
    }
    done.succeed(
        new Answer(
            response.statusCode(),
            read.result(),
            response.getHeader(HttpHeaders.CONTENT_TYPE),
            response.getHeader(ServerTiming.HEADER)));
  }

  private static boolean upgradesToTls(String upgrade) {
    return upgrade != null && upgrade.regionMatches(true, 0, "TLS/", 0, 4);
  }

  /**
   * The upstream may have started on it: only an idempotent service is asked again, or one that
   * cannot have read the request: {@link #unread}.
   */
  private void lost(Throwable failure) {
    if (idempotent || unread(failure)) {
      retryOrFail(failure);
    } else {
      done.fail(failure);
    }
  }

  /**
   * Whether the request was lost unread: its connection closed before any byte of the answer, to a
   * replica that said it is leaving. A Dyninka service that stops answers every request it has
   * read, within its grace, and says {@code Connection: close} on each answer from the moment it
   * was told to stop. What it closes unanswered is a connection that was idle as it stopped, onto
   * which this pull went out at that moment: Vert.x drops a request that reaches a connection being
   * shut down, before any handler sees it. So the request did not run and may be sent again, to the
   * next replica, whatever the upstream does (state, side effects, a body, which is sent again as
   * it was). Not covered: a replica that dies, or whose grace runs out, while it stops.
   */
  private boolean unread(Throwable failure) {
    return (failure instanceof HttpClosedException
            || failure instanceof IOException && !(failure instanceof SSLException))
        && target.leaving(replica, System.nanoTime());
  }

  private void retryOrFail(Throwable failure) {
    long delay = client.backoff(attempt, scope);
    if (delay < 0) {
      done.fail(failure);
      return;
    }
    attempt++;
    client.vertx().timer(delay, TimeUnit.MILLISECONDS).onComplete(fired -> start());
  }
}
