package io.dyninka.benchmarks.gateway;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.function.Function;

/**
 * The central gateway of the OpenFaaS-style chain: {@code /function/<name>} is forwarded to that
 * function's process over pooled keep-alive connections (as OpenFaaS's gateway proxies to its
 * functions), and the answer comes back through it. Every call of every function crosses it.
 *
 * <p>It is leaner than OpenFaaS's: no auth, no metrics, no queue, no watchdog in front of each
 * function. So the gateway chain measured here is a lower bound of the real one's cost.
 */
final class Gateway extends VerticleBase {

  private static final String PREFIX = "/function/";

  private final int port;
  private final Function<String, URI> functions;
  private HttpClientAgent client;

  /** {@code functions} maps a function name to its process URL; it throws for an unknown one. */
  Gateway(int port, Function<String, URI> functions) {
    this.port = port;
    this.functions = functions;
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
    String path = request.path();
    if (path.startsWith(PREFIX)) {
      request.body().onSuccess(body -> forward(request, path.substring(PREFIX.length()), body));
    } else if (path.equals("/health/ready") || path.equals("/health/live")) {
      request.response().end("{\"status\":\"UP\"}");
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private void forward(HttpServerRequest request, String name, Buffer body) {
    HttpServerResponse response = request.response();
    URI target;
    try {
      target = functions.apply(name);
    } catch (IllegalStateException unknown) {
      response.setStatusCode(404).end("no function " + name);
      return;
    }
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(target.getHost())
            .setPort(target.getPort())
            .setURI("/");
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, type);
    }
    client
        .request(options)
        .compose(upstream -> upstream.send(body))
        .compose(answer -> answer.body().map(answerBody -> relay(response, answer, answerBody)))
        .onFailure(
            failure ->
                response
                    .setStatusCode(502)
                    .end("function " + name + " failed: " + failure.getMessage()));
  }

  private static Void relay(HttpServerResponse response, HttpClientResponse answer, Buffer body) {
    response.setStatusCode(answer.statusCode());
    copy(answer, response, HttpHeaders.CONTENT_TYPE.toString());
    copy(answer, response, ServerTiming.HEADER);
    response.end(body);
    return null;
  }

  private static void copy(HttpClientResponse from, HttpServerResponse to, String header) {
    String value = from.getHeader(header);
    if (value != null) {
      to.putHeader(header, value);
    }
  }
}
