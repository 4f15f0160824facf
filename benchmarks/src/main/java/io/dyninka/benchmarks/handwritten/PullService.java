package io.dyninka.benchmarks.handwritten;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;

/**
 * A service of the hand-written chain: what a Vert.x developer writes for one step without a
 * framework. {@code GET /} pulls the upstream over a pooled keep-alive connection, runs the
 * function, and answers its JSON; no router, no body handler, no validation beyond the status.
 *
 * <p>It keeps the Dyninka protocol's observable behaviour (204 when filtered, {@code
 * Server-Timing}) so that both chains do the same work and the runner can measure both the same
 * way.
 */
public final class PullService extends VerticleBase {

  private record Pulled(int status, Buffer body, String timing) {}

  private final Stage stage;
  private final int port;
  private final URI upstream;
  private HttpClientAgent client;
  private HttpServer server;

  /** {@code upstream} is null for the head of the chain; port 0 picks a free one. */
  public PullService(Stage stage, int port, URI upstream) {
    this.stage = stage;
    this.port = port;
    this.upstream = upstream;
  }

  @Override
  public Future<?> start() {
    if (upstream != null) {
      client = ChainProcess.pooledClient(vertx);
    }
    return vertx
        .createHttpServer(ChainProcess.serverOptions())
        .requestHandler(this::handle)
        .listen(port, ChainProcess.HOST)
        .onSuccess(listening -> server = listening);
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/" -> handleCall(request.response());
      case "/health/ready", "/health/live" -> request.response().end("{\"status\":\"UP\"}");
      default -> request.response().setStatusCode(404).end();
    }
  }

  private void handleCall(HttpServerResponse response) {
    if (upstream == null) {
      run(response, null, null);
      return;
    }
    client
        .request(HttpMethod.GET, upstream.getPort(), upstream.getHost(), "/")
        .compose(HttpClientRequest::send)
        .compose(
            answer ->
                answer
                    .body()
                    .map(
                        body ->
                            new Pulled(
                                answer.statusCode(), body, answer.getHeader(ServerTiming.HEADER))))
        .onComplete(pulled -> onPulled(response, pulled));
  }

  private void onPulled(HttpServerResponse response, AsyncResult<Pulled> pulled) {
    if (pulled.failed()) {
      response.setStatusCode(502).end("upstream failed: " + pulled.cause().getMessage());
      return;
    }
    Pulled answer = pulled.result();
    if (answer.status() == 204) {
      // Traversed without running the function: an entry of 0, as a Dyninka service answers.
      response
          .setStatusCode(204)
          .putHeader(ServerTiming.HEADER, ServerTiming.append(answer.timing(), stage.name(), 0))
          .end();
    } else if (answer.status() != 200) {
      response.setStatusCode(answer.status()).end(answer.body());
    } else {
      run(response, answer.body(), answer.timing());
    }
  }

  private void run(HttpServerResponse response, Buffer input, String upstreamTiming) {
    long begin = System.nanoTime();
    stage
        .apply(input)
        .onComplete(
            output -> {
              String timing =
                  ServerTiming.append(upstreamTiming, stage.name(), System.nanoTime() - begin);
              response.putHeader(ServerTiming.HEADER, timing);
              if (output.failed()) {
                response.setStatusCode(500).end(stage.name() + " failed: " + output.cause());
              } else if (output.result() == null) {
                response.setStatusCode(204).end();
              } else {
                response
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(output.result());
              }
            });
  }
}
