package io.dyninka.runtime;

import io.dyninka.runtime.Upstream.Answer;
import io.dyninka.runtime.observe.Observability;
import io.dyninka.runtime.observe.ServiceMetrics;
import io.dyninka.runtime.state.PlacedState;
import io.vertx.core.Completable;
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
 * <p>A stateful service with a state store invokes through {@link StateStep} instead.
 *
 * <p>A step that a later capability needs (state loaded before invoke and committed after, a
 * metrics hook around the whole) is one more link here; the other steps don't change.
 */
final class CallHandler {

  private final CallStep first;
  private final CallStep plan;
  private final ProblemResponder problems;
  private final DeadlineWatch deadlines;
  private final ServiceMetrics metrics;

  CallHandler(
      ServiceSetup setup,
      Context context,
      Upstream upstream,
      DeadlineWatch deadlines,
      ProblemResponder problems,
      Observability observe) {
    this.problems = problems;
    this.deadlines = deadlines;
    this.metrics = observe.metrics();
    CallStep encode = new EncodeStep(setup);
    PlacedState state = setup.state(context.owner());
    CallStep invoke =
        state == null
            ? new InvokeStep(setup.call(), context, encode)
            : new StateStep(state, setup.call(), context, setup.name(), metrics, encode);
    CallStep combine = new CombineStep(setup, invoke);
    CallStep pull = new PullStep(upstream, deadlines, setup.codec(), combine);
    this.plan = new PlanStep(setup, pull);
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

  /**
   * Answers a call from another service of this process, on this verticle's event loop: the same
   * steps from the plan on, under the caller's {@code scope}. It was admitted and authorized where
   * it came in; its answer carries the output object, not JSON.
   */
  void handleDirect(String route, Buffer body, RequestScope scope, Completable<Answer> done) {
    Call call =
        new Call(
            route,
            body,
            scope,
            problems,
            (answer, failure) -> {
              deadlines.forget(scope);
              done.complete(answer, failure);
            });
    try {
      plan.handle(call);
    } catch (RuntimeException e) {
      call.fail(e);
    }
  }
}
