package io.dyninka.runtime;

import io.dyninka.runtime.observe.Observability;
import io.dyninka.runtime.observe.ServiceMetrics;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * One request's path through a service, as a chain of {@link CallStep}s built once per verticle:
 *
 * <pre>admit → (trace) → authorize → plan → pull → combine → invoke → encode</pre>
 *
 * with every call, even one refused at admission, timed by the service's meters, and the trace step
 * only when spans are exported.
 *
 * <p>A step that a later capability needs (state loaded before invoke and committed after, a
 * metrics hook around the whole) is one more link here; the other steps don't change.
 */
final class CallHandler {

  private final CallStep first;
  private final ProblemResponder problems;
  private final ServiceMetrics metrics;

  CallHandler(
      ServiceSetup setup,
      Context context,
      Upstream upstream,
      DeadlineWatch deadlines,
      ProblemResponder problems,
      Observability observe) {
    this.problems = problems;
    this.metrics = observe.metrics();
    CallStep encode = new EncodeStep(setup);
    CallStep invoke = new InvokeStep(setup.call(), context, encode);
    CallStep combine = new CombineStep(setup, invoke);
    CallStep pull = new PullStep(upstream, deadlines, combine);
    CallStep plan = new PlanStep(setup, pull);
    CallStep authorize = new AuthorizeStep(setup, plan);
    CallStep traced =
        observe.tracing() == null ? authorize : new TraceStep(observe.tracing(), authorize);
    this.first = new AdmitStep(setup, deadlines, traced);
  }

  /** Answers one call of {@code /}; {@code body} is a POST's JSON body, null for none. */
  void handle(HttpServerRequest request, Buffer body) {
    Call call = new Call(request, body, problems);
    if (metrics != null) {
      metrics.observe(call.response);
    }
    try {
      first.handle(call);
    } catch (RuntimeException e) {
      call.fail(e);
    }
  }
}
