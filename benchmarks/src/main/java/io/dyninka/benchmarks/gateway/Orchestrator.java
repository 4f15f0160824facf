package io.dyninka.benchmarks.gateway;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * The orchestrating function of the paper's Listing 4: it calls each function in turn through the
 * gateway, handing each answer to the next call, and answers the last one. A filtered item (204
 * from filterTemperature) ends the request with 204, as in the Dyninka chain.
 */
final class Orchestrator extends VerticleBase {

  /** Thrown into the failure path when a function answers neither 200 nor 204. */
  private static final class FunctionFailed extends RuntimeException {
    FunctionFailed(String message) {
      super(message, null, false, false);
    }
  }

  private final int port;
  private final URI gateway;
  private HttpClientAgent client;

  Orchestrator(int port, URI gateway) {
    this.port = port;
    this.gateway = gateway;
  }

  @Override
  public Future<?> start() {
    client = ChainProcess.pooledClient(vertx);
    return vertx
        .createHttpServer(ChainProcess.serverOptions())
        .requestHandler(this::handle)
        .listen(port, ChainProcess.HOST);
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/" -> orchestrate(request.response());
      case "/health/ready", "/health/live" -> request.response().end("{\"status\":\"UP\"}");
      default -> request.response().setStatusCode(404).end();
    }
  }

  /** Listing 4, with compose instead of nested callbacks; a null step result means "filtered". */
  private void orchestrate(HttpServerResponse response) {
    StringBuilder timing = new StringBuilder();
    invoke("get", null, timing)
        .compose(node1 -> invoke("filterTemperature", node1, timing))
        .compose(
            node2 ->
                node2 == null ? Future.<Buffer>succeededFuture() : invoke("map", node2, timing))
        .compose(
            node3 ->
                node3 == null
                    ? Future.<Buffer>succeededFuture()
                    : invoke("movingAvg", node3, timing))
        .onSuccess(
            node4 -> {
              response.putHeader(ServerTiming.HEADER, timing.toString());
              if (node4 == null) {
                response.setStatusCode(204).end();
              } else {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(node4);
              }
            })
        .onFailure(failure -> response.setStatusCode(502).end(failure.getMessage()));
  }

  /** POSTs {@code input} to {@code /function/<name>} on the gateway: its JSON, or null on 204. */
  private Future<Buffer> invoke(String name, Buffer input, StringBuilder timing) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost(gateway.getHost())
            .setPort(gateway.getPort())
            .setURI("/function/" + name);
    if (input != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    return client
        .request(options)
        .compose(request -> input == null ? request.send() : request.send(input))
        .compose(
            answer ->
                answer
                    .body()
                    .compose(
                        body -> {
                          String entry = answer.getHeader(ServerTiming.HEADER);
                          if (entry != null) {
                            timing.append(timing.length() == 0 ? "" : ", ").append(entry);
                          }
                          return switch (answer.statusCode()) {
                            case 200 -> Future.succeededFuture(body);
                            case 204 -> Future.<Buffer>succeededFuture();
                            default ->
                                Future.failedFuture(
                                    new FunctionFailed(
                                        name + " answered " + answer.statusCode() + ": " + body));
                          };
                        }));
  }
}
