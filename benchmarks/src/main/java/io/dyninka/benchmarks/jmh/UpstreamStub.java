package io.dyninka.benchmarks.jmh;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;

/** Answers every request with the same reading and Server-Timing, as fast as Vert.x can. */
final class UpstreamStub extends VerticleBase {

  private final Buffer body = HopFixture.readingJson();
  private HttpServer server;

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request
                    .response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader("Server-Timing", HopFixture.UPSTREAM_TIMING)
                    .end(body))
        .listen(0, ChainProcess.HOST)
        .onSuccess(listening -> server = listening);
  }

  int port() {
    return server.actualPort();
  }
}
