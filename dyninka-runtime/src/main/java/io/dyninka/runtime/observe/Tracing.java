package io.dyninka.runtime.observe;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Spans over OTLP: a SERVER span per request and a CLIENT span per pull, whose ids are the ones in
 * the {@code traceparent} sent on, so that one request is one trace across the services.
 *
 * <p>Configured by the standard {@code OTEL_*} variables through the SDK's autoconfiguration, and
 * only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or its traces variant) is set: otherwise no SDK
 * object exists and the request path has no tracing step at all.
 */
public final class Tracing implements AutoCloseable {

  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final OpenTelemetrySdk sdk;
  private final Tracer tracer;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
    this.tracer = sdk.getTracer("io.dyninka.runtime");
  }

  /**
   * The tracing of {@code service} configured by {@code otel} (the {@code OTEL_*} variables), or
   * null when no OTLP endpoint is set or {@code OTEL_SDK_DISABLED} is true.
   */
  public static Tracing start(String service, Map<String, String> otel) {
    boolean endpoint =
        otel.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
            || otel.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    if (!endpoint || "true".equalsIgnoreCase(otel.get("OTEL_SDK_DISABLED"))) {
      return null;
    }
    // Dyninka's defaults: spans only (its metrics are on /metrics), named after the service, in
    // OTLP's http/protobuf (the specification's default; the Java SDK's own is gRPC, whose sender
    // the runtime does not carry).
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", service);
    properties.put("otel.exporter.otlp.protocol", "http/protobuf");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    otel.forEach(
        (name, value) -> properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> properties)
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    return new Tracing(sdk);
  }

  /**
   * Opens the SERVER span of a request: a child of {@code incoming} when that is a valid
   * traceparent, else the root of a new trace.
   */
  public Span startServer(String method, String path, String incoming) {
    return tracer
        .spanBuilder(method + " " + path)
        .setSpanKind(SpanKind.SERVER)
        .setParent(incoming == null ? Context.root() : remote(incoming))
        .setAttribute(METHOD, method)
        .setAttribute(PATH, path)
        .startSpan();
  }

  /** Closes the SERVER span of a request answered with {@code status}. */
  public void endServer(Span span, int status) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
    }
    span.end();
  }

  /** Opens the CLIENT span of a pull from {@code upstream}, a child of {@code parent}. */
  public Span startPull(String upstream, String method, String host, int port, String parent) {
    return tracer
        .spanBuilder(method)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(remote(parent))
        .setAttribute(METHOD, method)
        .setAttribute(SERVER_ADDRESS, host)
        .setAttribute(SERVER_PORT, (long) port)
        .setAttribute(PEER_SERVICE, upstream)
        .startSpan();
  }

  /** Closes the CLIENT span of a pull answered with {@code status}. */
  public void endPull(Span span, int status) {
    span.setAttribute(STATUS, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(ERROR_TYPE, Integer.toString(status));
    }
    span.end();
  }

  /** Closes the CLIENT span of a pull that got no answer: {@code outcome} says why. */
  public void endPull(Span span, PullOutcome outcome) {
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(ERROR_TYPE, outcome.label());
    span.end();
  }

  /** The W3C traceparent that continues the trace as a child of {@code span}. */
  public static String traceparent(Span span) {
    SpanContext context = span.getSpanContext();
    return "00-"
        + context.getTraceId()
        + '-'
        + context.getSpanId()
        + '-'
        + context.getTraceFlags().asHex();
  }

  /** A traceparent already checked valid, as the remote parent of a span. */
  private static Context remote(String traceparent) {
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            traceparent.substring(3, 35),
            traceparent.substring(36, 52),
            TraceFlags.fromHex(traceparent, 53),
            TraceState.getDefault());
    return Context.root().with(Span.wrap(parent));
  }

  /** Exports the spans still buffered, then stops. */
  @Override
  public void close() {
    sdk.shutdown().join(5, TimeUnit.SECONDS);
  }
}
