package io.dyninka.runtime;

import io.dyninka.manifest.InputManifest;
import io.dyninka.runtime.RoutePlanner.Pull;
import io.dyninka.runtime.UpstreamClient.Answer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One event-loop instance of a service: answers {@code /} by pulling its inputs from its upstream
 * services, calling the user's function, and answering JSON, 204 or a problem.
 */
final class ServiceVerticle extends VerticleBase {

  private static final String JSON = "application/json";

  private final ServiceSetup setup;
  private final int port;
  private UpstreamClient upstream;
  private HttpServer server;

  ServiceVerticle(ServiceSetup setup, int port) {
    this.setup = setup;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    upstream = new UpstreamClient(vertx, setup);
    Router router = Router.router(vertx);
    router.get("/health/live").handler(this::handleLive);
    router.get("/health/ready").handler(this::handleReady);
    router.get("/dyninka/manifest").handler(this::handleManifest);
    // Pulls between services are GETs without a body: only a POST pays for the body handler.
    router.get("/").handler(this::handleCall);
    router
        .post("/")
        .handler(BodyHandler.create(false).setBodyLimit(setup.config().maxBodyBytes()))
        .handler(this::handleCall);
    router.route().last().handler(ctx -> ctx.fail(ctx.request().path().equals("/") ? 405 : 404));
    router.route().failureHandler(this::handleFailure);
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(setup.config().host())
                .setPort(port)
                .setTcpNoDelay(true)
                .setMaxHeaderSize(setup.config().maxHeaderBytes())
                .setMaxInitialLineLength(Math.min(4096, setup.config().maxHeaderBytes())));
    return server.requestHandler(router).invalidRequestHandler(this::handleInvalid).listen();
  }

  /** Stops accepting, lets the requests in flight finish within the grace period, then closes. */
  @Override
  public Future<?> stop() {
    return server
        .shutdown(setup.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> upstream.close());
  }

  int actualPort() {
    return server.actualPort();
  }

  private void handleLive(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end("{\"status\":\"UP\"}");
  }

  private void handleReady(RoutingContext ctx) {
    boolean ready = setup.ready();
    ctx.response()
        .setStatusCode(ready ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .end(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
  }

  private void handleManifest(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(setup.manifestJson());
  }

  private void handleCall(RoutingContext ctx) {
    if (!setup.admit()) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
      ctx.fail(new ProblemException(Problem.of("overloaded", "Service overloaded", 503,
          "more than " + setup.config().maxInFlight() + " requests in flight (DYNINKA_MAX_IN_FLIGHT); retry later", setup.name())));
      return;
    }
    ctx.addEndHandler(ended -> setup.release());
    HttpServerRequest request = ctx.request();
    if (!setup.authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      ctx.fail(new ProblemException(Problem.of("unauthorized", "Unauthorized", 401,
          "calls between the services of this app need the shared token (DYNINKA_TOKEN)", setup.name())));
      return;
    }
    List<Pull> pulls = setup.planner().plan(request.getHeader(RoutePlanner.HEADER));
    Buffer body = requestBody(ctx);
    Object[] arguments = new Object[setup.self().inputs().size()];
    if (setup.readsRequestBody()) {
      readBodyInput(body, arguments);
    }
    if (pulls.isEmpty()) {
      invoke(ctx, arguments, new StringBuilder());
      return;
    }
    RequestScope scope =
        new RequestScope(
            TraceParent.forward(request.getHeader(TraceParent.HEADER)),
            RequestScope.budget(request.getHeader(RequestScope.DEADLINE_HEADER), setup.config().upstreamTimeout().toMillis()));
    ctx.response().closeHandler(closed -> scope.cancel());
    List<Future<Answer>> answers = new ArrayList<>(pulls.size());
    for (Pull pull : pulls) {
      answers.add(upstream.pull(pull.service(), pull.route(), body, scope));
    }
    Future.all(answers)
        .onFailure(ctx::fail)
        .onSuccess(all -> onAnswers(ctx, pulls, answers, arguments));
  }

  private void onAnswers(RoutingContext ctx, List<Pull> pulls, List<Future<Answer>> answers, Object[] arguments) {
    StringBuilder timing = new StringBuilder();
    boolean filtered = false;
    for (int i = 0; i < pulls.size(); i++) {
      Answer answer = answers.get(i).result();
      ServerTiming.collect(timing, answer.serverTiming());
      if (answer.status() == 204) {
        filtered = true;
      } else if (answer.status() != 200) {
        propagate(ctx, pulls.get(i).service(), answer, timing);
        return;
      }
    }
    if (filtered) {
      // This service was traversed without running its function: its entry says so with 0.
      ctx.response().setStatusCode(204).putHeader(ServerTiming.HEADER, ServerTiming.append(timing, setup.name(), 0)).end();
      return;
    }
    try {
      for (int i = 0; i < pulls.size(); i++) {
        Pull pull = pulls.get(i);
        arguments[pull.parameter()] = decodeUpstream(pull, answers.get(i).result().body());
      }
    } catch (ProblemException e) {
      ctx.fail(e);
      return;
    }
    invoke(ctx, arguments, timing);
  }

  private void invoke(RoutingContext ctx, Object[] arguments, StringBuilder timing) {
    setup.call()
        .run(context, new Arguments(arguments))
        .onFailure(ctx::fail)
        .onSuccess(
            outcome -> {
              String serverTiming = ServerTiming.append(timing, setup.name(), outcome.nanos());
              HttpServerResponse response = ctx.response().putHeader(ServerTiming.HEADER, serverTiming);
              if (outcome.filtered()) {
                response.setStatusCode(204).end();
                return;
              }
              Buffer json;
              try {
                json = setup.codec().encode(outcome.value());
              } catch (IllegalStateException e) {
                ctx.fail(new ProblemException(Problem.of("output-not-json", "Output is not JSON", 500, e.getMessage(), setup.name()), e));
                return;
              }
              response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json);
            });
  }

  /** An upstream problem goes on unchanged to the client, with this service added to its path. */
  private void propagate(RoutingContext ctx, String from, Answer answer, StringBuilder timing) {
    JsonObject problem = null;
    if (answer.contentType() != null && answer.contentType().startsWith(Problem.CONTENT_TYPE)) {
      try {
        problem = answer.body().toJsonObject();
      } catch (RuntimeException notJson) {
        problem = null;
      }
    }
    if (problem == null) {
      ctx.fail(new ProblemException(Problem.of("upstream-invalid", "Upstream answered an error", 502,
          "upstream '" + from + "' answered HTTP " + answer.status() + " without a problem body", setup.name())));
      return;
    }
    JsonArray path = problem.getValue("path") instanceof JsonArray array ? array : new JsonArray();
    problem.put("path", path.add(setup.name()));
    ctx.response()
        .setStatusCode(answer.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(ServerTiming.HEADER, ServerTiming.append(timing, setup.name(), 0))
        .end(problem.toBuffer());
  }

  private Buffer requestBody(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.POST || ctx.body().length() <= 0) {
      return null;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.startsWith(JSON) && !type.contains("+json")) {
      throw new ProblemException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
          "the request body must be JSON (Content-Type: application/json)", setup.name()));
    }
    return ctx.body().buffer();
  }

  private void readBodyInput(Buffer body, Object[] arguments) {
    List<InputManifest> inputs = setup.self().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      InputManifest input = inputs.get(i);
      if (input.from() != null) {
        continue;
      }
      if (body == null) {
        throw new ProblemException(Problem.badRequest(setup.name(),
            "this app takes a JSON body of type " + input.type() + ": POST it to the sink"));
      }
      try {
        arguments[i] = setup.codec().decode(body, setup.codec().type(input.type()));
      } catch (IOException e) {
        throw new ProblemException(Problem.badRequest(setup.name(),
            "the body is not a valid " + input.type() + ": " + JsonErrors.describe(e)));
      }
    }
  }

  private Object decodeUpstream(Pull pull, Buffer body) {
    try {
      return setup.codec().decode(body, setup.codec().type(pull.input().type()));
    } catch (IOException e) {
      throw new ProblemException(Problem.of("upstream-invalid", "Upstream answered an invalid body", 502,
          "upstream '" + pull.service() + "' answered a body that is not a valid " + pull.input().type()
              + ": " + JsonErrors.describe(e), setup.name()));
    }
  }

  private void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    Problem problem;
    if (failure instanceof ProblemException e) {
      problem = e.problem();
      if (e.getCause() != null) {
        setup.log().log(System.Logger.Level.WARNING, "service " + setup.name() + " failed: " + problem.detail(), e.getCause());
      }
    } else if (failure != null) {
      setup.log().log(System.Logger.Level.ERROR, "service " + setup.name() + " failed unexpectedly", failure);
      problem = Problem.of("internal-error", "Internal error", 500, String.valueOf(failure.getMessage()), setup.name());
    } else {
      problem = statusProblem(ctx.statusCode());
    }
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .end(problem.toJson().toBuffer());
  }

  /** A request Vert.x could not parse (a head too large, a bad request line): answered as a problem. */
  private void handleInvalid(HttpServerRequest request) {
    int status = request.decoderResult().cause() instanceof io.netty.handler.codec.TooLongFrameException ? 431 : 400;
    Problem problem = status == 431
        ? Problem.of("header-too-large", "Request header fields too large", 431,
            "the request head is larger than " + setup.config().maxHeaderBytes() + " bytes (DYNINKA_MAX_HEADER_BYTES)", setup.name())
        : Problem.badRequest(setup.name(), "the request is not valid HTTP/1.1");
    request.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(problem.toJson().toBuffer())
        .onComplete(done -> request.connection().close());
  }

  private Problem statusProblem(int status) {
    return switch (status) {
      case 413 -> Problem.of("payload-too-large", "Payload too large", 413,
          "the request body is larger than " + setup.config().maxBodyBytes() + " bytes (DYNINKA_MAX_BODY_BYTES)", setup.name());
      case 404 -> Problem.of("not-found", "Not found", 404,
          "a Dyninka service answers GET or POST /, /health/live, /health/ready and /dyninka/manifest", setup.name());
      case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "call / with GET or POST", setup.name());
      default -> Problem.of("http-" + status, "HTTP " + status, status < 400 ? 500 : status, "request failed with HTTP " + status, setup.name());
    };
  }
}
