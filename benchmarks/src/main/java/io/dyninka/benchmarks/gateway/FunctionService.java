package io.dyninka.benchmarks.gateway;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A function behind the gateway, as in OpenFaaS: it knows no other function. {@code POST /} with
 * the previous step's JSON runs it and answers its JSON, 204 when filtered, and its own process
 * time in {@code Server-Timing}.
 */
final class FunctionService extends VerticleBase {

  private final Stage stage;
  private final int port;

  FunctionService(Stage stage, int port) {
    this.stage = stage;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(ChainProcess.serverOptions())
        .requestHandler(this::handle)
        .listen(port, ChainProcess.HOST);
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/" -> request.body().onSuccess(body -> run(request.response(), body));
      case "/health/ready", "/health/live" -> request.response().end("{\"status\":\"UP\"}");
      default -> request.response().setStatusCode(404).end();
    }
  }

  private void run(HttpServerResponse response, Buffer body) {
    long begin = System.nanoTime();
    stage
        .apply(body.length() == 0 ? null : body)
        .onComplete(
            output -> {
              response.putHeader(
                  ServerTiming.HEADER,
                  ServerTiming.append((String) null, stage.name(), System.nanoTime() - begin));
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
