package io.dyninka.benchmarks.handwritten;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.FanInStage;
import io.dyninka.benchmarks.chain.OrdersStages;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A service of the hand-written orders app: what a Vert.x developer writes for one step of a flow
 * whose request body travels up to its heads. {@code POST /} reads the body; a head runs its
 * function on it, any other service forwards it to all its upstreams at once over pooled keep-alive
 * connections, waits for every answer, and runs its function on theirs. No router, no codec beyond
 * Jackson, no validation beyond the status.
 *
 * <p>It keeps the Dyninka protocol's observable behaviour (204 when an upstream filtered the item
 * out, an upstream's error passed on unchanged, {@code Server-Timing} with upstream entries first)
 * so that both apps do the same work and the runner measures both the same way.
 */
public final class FanInService extends VerticleBase {

  private record Pulled(int status, Buffer body, String contentType, String timing) {}

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private final FanInStage stage;
  private final int port;
  private final List<URI> upstreams;
  private HttpClientAgent client;
  private HttpServer server;

  /** {@code upstreams} in the order of {@link FanInStage#upstreams()}; port 0 picks a free one. */
  public FanInService(FanInStage stage, int port, List<URI> upstreams) {
    this.stage = stage;
    this.port = port;
    this.upstreams = List.copyOf(upstreams);
  }

  @Override
  public Future<?> start() {
    if (!upstreams.isEmpty()) {
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
      case "/" -> request.body().onSuccess(body -> handleCall(request.response(), body));
      case "/health/ready", "/health/live" -> request.response().end("{\"status\":\"UP\"}");
      default -> request.response().setStatusCode(404).end();
    }
  }

  private void handleCall(HttpServerResponse response, Buffer body) {
    if (stage.head()) {
      run(response, List.of(body), null);
      return;
    }
    List<Future<Pulled>> pulls = new ArrayList<>(upstreams.size());
    for (URI upstream : upstreams) {
      pulls.add(pull(upstream, body));
    }
    Future.all(pulls)
        .onComplete(
            all -> {
              if (all.failed()) {
                response.setStatusCode(502).end("upstream failed: " + all.cause().getMessage());
              } else {
                onPulled(response, all.result().list());
              }
            });
  }

  /** The client's body goes up as it came; an app without one would pull with GET. */
  private Future<Pulled> pull(URI upstream, Buffer body) {
    return client
        .request(HttpMethod.POST, upstream.getPort(), upstream.getHost(), "/")
        .compose(request -> request.putHeader(HttpHeaders.CONTENT_TYPE, JSON).send(body))
        .compose(
            answer ->
                answer
                    .body()
                    .map(
                        answered ->
                            new Pulled(
                                answer.statusCode(),
                                answered,
                                answer.getHeader(HttpHeaders.CONTENT_TYPE),
                                answer.getHeader(ServerTiming.HEADER))));
  }

  private void onPulled(HttpServerResponse response, List<Pulled> answers) {
    StringBuilder timing = new StringBuilder();
    boolean filtered = false;
    for (Pulled answer : answers) {
      if (answer.timing() != null && !answer.timing().isEmpty()) {
        timing.append(timing.length() == 0 ? "" : ", ").append(answer.timing());
      }
      if (answer.status() == 204) {
        filtered = true;
      } else if (answer.status() != 200) {
        // The first upstream error goes on to the client unchanged, as Dyninka passes it on.
        if (answer.contentType() != null) {
          response.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        response
            .setStatusCode(answer.status())
            .putHeader(ServerTiming.HEADER, ServerTiming.append(timing.toString(), stage.name(), 0))
            .end(answer.body());
        return;
      }
    }
    if (filtered) {
      // Traversed without running the function: an entry of 0, as a Dyninka service answers.
      response
          .setStatusCode(204)
          .putHeader(ServerTiming.HEADER, ServerTiming.append(timing.toString(), stage.name(), 0))
          .end();
      return;
    }
    run(response, answers.stream().map(Pulled::body).toList(), timing.toString());
  }

  private void run(HttpServerResponse response, List<Buffer> inputs, String upstreamTiming) {
    long begin = System.nanoTime();
    Buffer output;
    try {
      output = stage.function().apply(inputs);
    } catch (OrdersStages.BadInput e) {
      fail(response, 400, e, stage.name());
      return;
    } catch (RuntimeException e) {
      fail(response, 500, e, stage.name());
      return;
    }
    response.putHeader(
        ServerTiming.HEADER,
        ServerTiming.append(upstreamTiming, stage.name(), System.nanoTime() - begin));
    if (output == null) {
      response.setStatusCode(204).end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(output);
    }
  }

  /** A problem that arises here has no Server-Timing entry, as a Dyninka service's has none. */
  private static void fail(HttpServerResponse response, int status, Exception e, String name) {
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM)
        .end(
            new JsonObject()
                .put("status", status)
                .put("service", name)
                .put("detail", e.getClass().getSimpleName() + ": " + e.getMessage())
                .toBuffer());
  }
}
