package io.dyninka.runtime;

import io.dyninka.runtime.observe.Tracing;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.HttpServerRequest;

/**
 * Opens the request's SERVER span, a child of the caller's valid traceparent (else a new trace's
 * root), makes the pulls continue from it, and closes it with the status answered. In the chain
 * only when spans are exported.
 */
final class TraceStep implements CallStep {

  private final Tracing tracing;
  private final CallStep next;

  TraceStep(Tracing tracing, CallStep next) {
    this.tracing = tracing;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    HttpServerRequest request = call.request;
    String incoming = request.getHeader(TraceParent.HEADER);
    Span span =
        tracing.startServer(
            request.method().name(), request.path(), TraceParent.valid(incoming) ? incoming : null);
    call.scope.traceparent(Tracing.traceparent(span));
    // The head-end hook is the meters'.
    call.response.bodyEndHandler(written -> tracing.endServer(span, call.response.getStatusCode()));
    next.handle(call);
  }
}
