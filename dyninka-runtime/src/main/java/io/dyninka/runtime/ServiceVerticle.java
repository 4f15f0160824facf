package io.dyninka.runtime;

import io.dyninka.manifest.InputManifest;
import io.dyninka.runtime.RoutePlanner.Pull;
import io.dyninka.runtime.UpstreamClient.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
  private DeadlineWatch deadlines;
  private HttpServer server;

  ServiceVerticle(ServiceSetup setup, int port) {
    this.setup = setup;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    upstream = new UpstreamClient(vertx, setup);
    deadlines = new DeadlineWatch(vertx);
    Router router = Router.router(vertx);
    router.get("/health/live").handler(this::handleLive);
    router.get("/health/ready").handler(this::handleReady);
    router.get("/dyninka/manifest").handler(this::handleManifest);
    router
        .post("/")
        .handler(BodyHandler.create(false).setBodyLimit(setup.config().maxBodyBytes()))
        .handler(ctx -> handleCall(ctx.request(), requestBody(ctx)));
    router.route().last().handler(ctx -> ctx.fail(ctx.request().path().equals("/") ? 405 : 404));
    router.route().failureHandler(this::handleFailure);
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(setup.config().host())
                .setPort(port)
                .setTcpNoDelay(true)
                // No WebSockets here: without these, Netty leaves the WebSocket extension
                // handler out of the pipeline, which otherwise inspects every request and response.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setMaxHeaderSize(setup.config().maxHeaderBytes())
                .setMaxInitialLineLength(Math.min(4096, setup.config().maxHeaderBytes())));
    return server
        .requestHandler(
            request -> {
              // A pull between services is a GET / without a body: the hot path, which skips
              // the router's per-request context. Everything else goes through the router.
              if (request.method() == HttpMethod.GET && "/".equals(request.path())) {
                handleCall(request, null);
              } else {
                router.handle(request);
              }
            })
        .invalidRequestHandler(this::handleInvalid)
        .listen();
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

  private void handleCall(HttpServerRequest request, Buffer body) {
    HttpServerResponse response = request.response();
    if (!setup.admit()) {
      response.putHeader(HttpHeaders.RETRY_AFTER, "1");
      fail(
          response,
          new ProblemException(
              Problem.of(
                  "overloaded",
                  "Service overloaded",
                  503,
                  "more than "
                      + setup.config().maxInFlight()
                      + " requests in flight (DYNINKA_MAX_IN_FLIGHT); retry later",
                  setup.name())));
      return;
    }
    RequestScope scope =
        new RequestScope(
            TraceParent.forward(request.getHeader(TraceParent.HEADER)),
            RequestScope.budget(
                request.getHeader(RequestScope.DEADLINE_HEADER),
                setup.config().upstreamTimeout().toMillis()));
    // Ended or cut off, the request gives back its place; cut off, its pulls are stopped too.
    response.endHandler(ended -> finish(scope));
    response.closeHandler(
        closed -> {
          finish(scope);
          scope.cancel();
        });
    try {
      if (!setup.authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
        throw new ProblemException(
            Problem.of(
                "unauthorized",
                "Unauthorized",
                401,
                "calls between the services of this app need the shared token (DYNINKA_TOKEN)",
                setup.name()));
      }
      List<Pull> pulls = setup.planner().plan(request.getHeader(RoutePlanner.HEADER));
      Object[] arguments = new Object[setup.self().inputs().size()];
      if (setup.readsRequestBody()) {
        readBodyInput(body, arguments);
      }
      if (pulls.isEmpty()) {
        invoke(response, arguments, new StringBuilder());
        return;
      }
      deadlines.watch(scope);
      if (pulls.size() == 1) {
        // The common case, one input: its answer goes straight on, without a composite future.
        Pull only = pulls.get(0);
        upstream.pull(
            only.service(),
            only.route(),
            body,
            scope,
            (answer, failure) ->
                answered(
                    response, pulls, failure == null ? List.of(answer) : null, failure, arguments));
        return;
      }
      List<Future<Answer>> pulled = new ArrayList<>(pulls.size());
      for (Pull pull : pulls) {
        Promise<Answer> answer = Promise.promise();
        upstream.pull(pull.service(), pull.route(), body, scope, answer);
        pulled.add(answer.future());
      }
      Future.all(pulled)
          .onComplete(
              (all, failure) ->
                  answered(
                      response, pulls, failure == null ? all.list() : null, failure, arguments));
    } catch (RuntimeException e) {
      fail(response, e);
    }
  }

  private void finish(RequestScope scope) {
    if (scope.end()) {
      setup.release();
      deadlines.forget(scope);
    }
  }

  /** Every pull answered ({@code answers}, in the order of {@code pulls}), or one failed. */
  private void answered(
      HttpServerResponse response,
      List<Pull> pulls,
      List<Answer> answers,
      Throwable failure,
      Object[] arguments) {
    if (failure != null) {
      fail(response, failure);
      return;
    }
    StringBuilder timing = new StringBuilder();
    boolean filtered = false;
    for (int i = 0; i < pulls.size(); i++) {
      Answer answer = answers.get(i);
      ServerTiming.collect(timing, answer.serverTiming());
      if (answer.status() == 204) {
        filtered = true;
      } else if (answer.status() != 200) {
        propagate(response, pulls.get(i).service(), answer, timing);
        return;
      }
    }
    if (filtered) {
      // This service was traversed without running its function: its entry says so with 0.
      response
          .setStatusCode(204)
          .putHeader(ServerTiming.HEADER, ServerTiming.append(timing, setup.name(), 0))
          .end();
      return;
    }
    try {
      for (int i = 0; i < pulls.size(); i++) {
        Pull pull = pulls.get(i);
        arguments[pull.parameter()] = decodeUpstream(pull, answers.get(i).body());
      }
    } catch (ProblemException e) {
      fail(response, e);
      return;
    }
    invoke(response, arguments, timing);
  }

  private void invoke(HttpServerResponse response, Object[] arguments, StringBuilder timing) {
    setup
        .call()
        .run(context, new Arguments(arguments))
        .onFailure(failure -> fail(response, failure))
        .onSuccess(
            outcome -> {
              response.putHeader(
                  ServerTiming.HEADER, ServerTiming.append(timing, setup.name(), outcome.nanos()));
              if (outcome.filtered()) {
                response.setStatusCode(204).end();
                return;
              }
              Buffer json;
              try {
                json = setup.codec().encode(outcome.value());
              } catch (IllegalStateException e) {
                fail(
                    response,
                    new ProblemException(
                        Problem.of(
                            "output-not-json",
                            "Output is not JSON",
                            500,
                            e.getMessage(),
                            setup.name()),
                        e));
                return;
              }
              response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json);
            });
  }

  /** An upstream problem goes on unchanged to the client, with this service added to its path. */
  private void propagate(
      HttpServerResponse response, String from, Answer answer, StringBuilder timing) {
    JsonObject problem = null;
    if (answer.contentType() != null && answer.contentType().startsWith(Problem.CONTENT_TYPE)) {
      try {
        problem = answer.body().toJsonObject();
      } catch (RuntimeException notJson) {
        problem = null;
      }
    }
    if (problem == null) {
      fail(
          response,
          new ProblemException(
              Problem.of(
                  "upstream-invalid",
                  "Upstream answered an error",
                  502,
                  "upstream '"
                      + from
                      + "' answered HTTP "
                      + answer.status()
                      + " without a problem body",
                  setup.name())));
      return;
    }
    JsonArray path = problem.getValue("path") instanceof JsonArray array ? array : new JsonArray();
    problem.put("path", path.add(setup.name()));
    response
        .setStatusCode(answer.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(ServerTiming.HEADER, ServerTiming.append(timing, setup.name(), 0))
        .end(problem.toBuffer());
  }

  /** The body of a POST, or null when it is empty; 415 unless it is JSON. */
  private Buffer requestBody(RoutingContext ctx) {
    if (ctx.body().length() <= 0) {
      return null;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.startsWith(JSON) && !type.contains("+json")) {
      throw new ProblemException(
          Problem.of(
              "unsupported-media-type",
              "Unsupported media type",
              415,
              "the request body must be JSON (Content-Type: application/json)",
              setup.name()));
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
        throw new ProblemException(
            Problem.badRequest(
                setup.name(),
                "this app takes a JSON body of type " + input.type() + ": POST it to the sink"));
      }
      try {
        arguments[i] = setup.codec().decode(body, setup.codec().type(input.type()));
      } catch (IOException e) {
        throw new ProblemException(
            Problem.badRequest(
                setup.name(),
                "the body is not a valid " + input.type() + ": " + JsonErrors.describe(e)));
      }
    }
  }

  private Object decodeUpstream(Pull pull, Buffer body) {
    try {
      return setup.codec().decode(body, setup.codec().type(pull.input().type()));
    } catch (IOException e) {
      throw new ProblemException(
          Problem.of(
              "upstream-invalid",
              "Upstream answered an invalid body",
              502,
              "upstream '"
                  + pull.service()
                  + "' answered a body that is not a valid "
                  + pull.input().type()
                  + ": "
                  + JsonErrors.describe(e),
              setup.name()));
    }
  }

  /** The router's failures: a status it set (404, 405, 413) or an exception of a handler. */
  private void handleFailure(RoutingContext ctx) {
    if (ctx.failure() != null) {
      fail(ctx.response(), ctx.failure());
    } else {
      answer(ctx.response(), statusProblem(ctx.statusCode()));
    }
  }

  /** Answers a failure as a problem: a {@link ProblemException}'s own, else a logged 500. */
  private void fail(HttpServerResponse response, Throwable failure) {
    Problem problem;
    if (failure instanceof ProblemException e) {
      problem = e.problem();
      if (e.getCause() != null) {
        setup.log().log(
            System.Logger.Level.WARNING,
            "service " + setup.name() + " failed: " + problem.detail(),
            e.getCause());
      }
    } else {
      setup.log().log(
          System.Logger.Level.ERROR, "service " + setup.name() + " failed unexpectedly", failure);
      problem =
          Problem.of(
              "internal-error",
              "Internal error",
              500,
              String.valueOf(failure.getMessage()),
              setup.name());
    }
    answer(response, problem);
  }

  private void answer(HttpServerResponse response, Problem problem) {
    if (response.ended() || response.headWritten() || response.closed()) {
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .end(problem.toJson().toBuffer());
  }

  /**
   * A request Vert.x could not parse (a head too large, a bad request line): answered as a problem.
   */
  private void handleInvalid(HttpServerRequest request) {
    int status =
        request.decoderResult().cause() instanceof io.netty.handler.codec.TooLongFrameException
            ? 431
            : 400;
    Problem problem =
        status == 431
            ? Problem.of(
                "header-too-large",
                "Request header fields too large",
                431,
                "the request head is larger than "
                    + setup.config().maxHeaderBytes()
                    + " bytes (DYNINKA_MAX_HEADER_BYTES)",
                setup.name())
            : Problem.badRequest(setup.name(), "the request is not valid HTTP/1.1");
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(problem.toJson().toBuffer())
        .onComplete(done -> request.connection().close());
  }

  private Problem statusProblem(int status) {
    return switch (status) {
      case 413 ->
          Problem.of(
              "payload-too-large",
              "Payload too large",
              413,
              "the request body is larger than "
                  + setup.config().maxBodyBytes()
                  + " bytes (DYNINKA_MAX_BODY_BYTES)",
              setup.name());
      case 404 ->
          Problem.of(
              "not-found",
              "Not found",
              404,
              "a Dyninka service answers GET or POST /, /health/live, /health/ready and /dyninka/manifest",
              setup.name());
      case 405 ->
          Problem.of(
              "method-not-allowed",
              "Method not allowed",
              405,
              "call / with GET or POST",
              setup.name());
      default ->
          Problem.of(
              "http-" + status,
              "HTTP " + status,
              status < 400 ? 500 : status,
              "request failed with HTTP " + status,
              setup.name());
    };
  }
}
