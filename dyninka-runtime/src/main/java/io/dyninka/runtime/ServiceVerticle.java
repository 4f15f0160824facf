package io.dyninka.runtime;

import io.dyninka.runtime.observe.Observability;
import io.dyninka.runtime.observe.ServiceMetrics;
import io.dyninka.runtime.tls.ServiceTls;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One event-loop instance of a service: its server, its routes (health, readiness, the manifest),
 * and the answers to requests that are not calls (404, 405, 413, 415, an unparsable head). A call
 * of {@code /} goes to the {@link CallHandler}: a pull ({@code GET /}) straight from the server,
 * without the router; a {@code POST /} through the router, which reads its body first.
 */
final class ServiceVerticle extends VerticleBase {

  private static final String JSON = "application/json";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** What a certificate of the app's CA may read even when it names no caller. */
  private static final Set<String> OBSERVATION =
      Set.of("/health/live", "/health/ready", "/metrics");

  private static final Logger LOG = Logger.getLogger(ServiceVerticle.class.getName());

  private final ServiceSetup setup;
  private final int port;
  private final ColocatedServices group;
  private ColocatedServices.Instance registered;
  private final Observability observe;
  private Upstream upstream;
  private ProblemResponder problems;
  private CallHandler calls;
  private HttpServer server;
  private Router router;

  /**
   * An instance of {@code setup}'s service, recorded by {@code observe}; a member of {@code group}
   * (null for a service alone in its process).
   */
  ServiceVerticle(ServiceSetup setup, int port, Observability observe, ColocatedServices group) {
    this.setup = setup;
    this.port = port;
    this.observe = observe;
    this.group = group;
  }

  @Override
  public Future<?> start() {
    ServiceTls tls = setup.tls();
    upstream = new UpstreamClient(vertx, setup, observe);
    if (group != null) {
      upstream = new LocalUpstream(setup, new LocalCalls(vertx, context, group), upstream);
    }
    problems = new ProblemResponder(setup);
    calls = new CallHandler(setup, context, upstream, new DeadlineWatch(vertx), problems, observe);
    if (group != null) {
      registered = new ColocatedServices.Instance(Thread.currentThread(), context, calls);
      group.register(setup.name(), registered);
    }
    router = Router.router(vertx);
    router.get("/health/live").handler(this::handleLive);
    router.get("/health/ready").handler(this::handleReady);
    router.get("/dyninka/manifest").handler(this::handleManifest);
    if (observe.metrics() != null) {
      router.get("/metrics").handler(this::handleMetrics);
    }
    router
        .post("/")
        .handler(BodyHandler.create(false).setBodyLimit(setup.config().maxBodyBytes()))
        .handler(ctx -> calls.handle(ctx.request(), requestBody(ctx)));
    router.route().last().handler(ctx -> ctx.fail(ctx.request().path().equals("/") ? 405 : 404));
    router.route().failureHandler(this::handleFailure);
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(setup.config().host())
            .setPort(port)
            .setTcpNoDelay(true)
            // HTTP/1.1 only: no h2c upgrade handler, which would rebuild the pipeline mid-request.
            .setHttp2ClearTextEnabled(false)
            // No WebSockets here: without these, Netty leaves the WebSocket extension
            // handler out of the pipeline, which otherwise inspects every request and response.
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setMaxHeaderSize(setup.config().maxHeaderBytes())
            .setMaxInitialLineLength(Math.min(4096, setup.config().maxHeaderBytes()));
    if (tls != null) {
      tls.server(options);
    }
    server = vertx.createHttpServer(options);
    return server
        .connectionHandler(connection -> guard(connection, options, tls))
        .exceptionHandler(this::handleConnectionFailure)
        .requestHandler(
            request -> {
              if (setup.draining()) {
                // Answered, but the caller must not send another request on this connection: the
                // listener closes soon, and with it every idle connection. A Dyninka caller also
                // takes this as the sign that the replica is leaving (see UpstreamClient).
                request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
              }
              // A pull between services is a GET / without a body: the hot path, which skips
              // the router's per-request context. Everything else goes through the router.
              if (request.method() == HttpMethod.GET && "/".equals(request.path())) {
                calls.handle(request, null);
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
    if (registered != null) {
      group.unregister(setup.name(), registered);
    }
    return server
        .shutdown(setup.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> upstream.close());
  }

  /**
   * Each HTTP/1.1 connection gets the strict decoder (no smuggled requests) and its head timeout
   * (no slow clients holding it): handlers in its pipeline, placed before it reads a byte.
   */
  private void guard(HttpConnection connection, HttpServerOptions options, ServiceTls tls) {
    HttpServerConnection http = (HttpServerConnection) connection;
    String refusal = tls == null ? null : tls.refusal(connection);
    if (refusal != null) {
      // Checked once per connection: each of its requests is answered 403, none reaches a call.
      LOG.warning(
          () ->
              "service "
                  + setup.name()
                  + " refused "
                  + connection.remoteAddress()
                  + ": "
                  + refusal);
      Problem forbidden = ProblemType.FORBIDDEN.problem(refusal, setup.name());
      http.handler(
          request -> {
            // Health and metrics are no call: a certificate of the app's CA is enough for
            // them, so launchers and scrapers need no caller's identity.
            if (request.method() == HttpMethod.GET && OBSERVATION.contains(request.path())) {
              router.handle(request);
              return;
            }
            request
                .response()
                .setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(forbidden.toJson().toBuffer());
          });
    }
    ChannelPipeline pipeline = http.channelHandlerContext().pipeline();
    if (pipeline.get(StrictRequestDecoder.NAME) != null && pipeline.get(HeadTimeout.NAME) == null) {
      pipeline.replace(
          StrictRequestDecoder.NAME, StrictRequestDecoder.NAME, new StrictRequestDecoder(options));
      pipeline.addAfter(
          StrictRequestDecoder.NAME,
          HeadTimeout.NAME,
          new HeadTimeout(setup.config().headTimeout().toMillis()));
    }
  }

  /**
   * A connection that failed before it spoke HTTP: a refused TLS handshake, logged once. Plain HTTP
   * on the TLS listener is logged, with its caller's address, where it is answered (the tls
   * package's PlainHttpRefusal).
   */
  private void handleConnectionFailure(Throwable failure) {
    if (causedBy(failure, io.netty.handler.ssl.NotSslRecordException.class)) {
      return;
    }
    if (failure instanceof javax.net.ssl.SSLException
        || failure instanceof io.netty.handler.codec.DecoderException) {
      LOG.warning(
          () -> "service " + setup.name() + " refused a TLS connection: " + failure.getMessage());
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
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

  private void handleMetrics(RoutingContext ctx) {
    ServiceMetrics metrics = observe.metrics();
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(metrics.scrape());
  }

  /** The body of a POST, or null when it is empty; 415 unless it is JSON. */
  private Buffer requestBody(RoutingContext ctx) {
    if (ctx.body().length() <= 0) {
      return null;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null && !type.startsWith(JSON) && !type.contains("+json")) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
              "the request body must be JSON (Content-Type: application/json)", setup.name()));
    }
    return ctx.body().buffer();
  }

  /** The router's failures: a status it set (404, 405, 413) or an exception of a handler. */
  private void handleFailure(RoutingContext ctx) {
    if (ctx.failure() != null) {
      problems.fail(ctx.response(), ctx.failure());
    } else {
      problems.answer(ctx.response(), statusProblem(ctx.statusCode()));
    }
  }

  /**
   * A request Vert.x could not parse (a head too large, a bad request line, a smuggling attempt):
   * answered as a problem, then the connection is closed, lingering so that the client reads it.
   */
  private void handleInvalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof io.netty.handler.codec.TooLongFrameException ? 431 : 400;
    Problem problem =
        status == 431
            ? ProblemType.HEADER_TOO_LARGE.problem(
                "the request head is larger than "
                    + setup.config().maxHeaderBytes()
                    + " bytes (DYNINKA_MAX_HEADER_BYTES)",
                setup.name())
            : ProblemType.BAD_REQUEST.problem(
                "the request is not valid HTTP/1.1"
                    + (cause == null || cause.getMessage() == null
                        ? ""
                        : ": " + cause.getMessage()),
                setup.name());
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(problem.toJson().toBuffer())
        .onComplete(done -> LingeringClose.close(request.connection()));
  }

  private Problem statusProblem(int status) {
    return switch (status) {
      case 413 ->
          ProblemType.PAYLOAD_TOO_LARGE.problem(
              "the request body is larger than "
                  + setup.config().maxBodyBytes()
                  + " bytes (DYNINKA_MAX_BODY_BYTES)",
              setup.name());
      case 404 ->
          ProblemType.NOT_FOUND.problem(
              "a Dyninka service answers GET or POST /, /health/live, /health/ready, /dyninka/manifest"
                  + " and /metrics",
              setup.name());
      case 405 -> ProblemType.METHOD_NOT_ALLOWED.problem("call / with GET or POST", setup.name());
      default -> ProblemType.otherStatus(status, setup.name());
    };
  }
}
