package io.dyninka.runtime;

import io.dyninka.runtime.state.PlacedState;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * One request's path through a service, as a chain of {@link CallStep}s built once per verticle:
 *
 * <pre>admit → authorize → plan → pull → combine → invoke → encode</pre>
 *
 * <p>A stateful service with a state store invokes through {@link StateStep} instead.
 *
 * <p>A step that a later capability needs (state loaded before invoke and committed after, a
 * metrics hook around the whole) is one more link here; the other steps don't change.
 */
final class CallHandler {

  private final CallStep first;
  private final ProblemResponder problems;

  CallHandler(
      ServiceSetup setup,
      Context context,
      Upstream upstream,
      DeadlineWatch deadlines,
      ProblemResponder problems) {
    this.problems = problems;
    CallStep encode = new EncodeStep(setup);
    PlacedState state = setup.state(context.owner());
    CallStep invoke =
        state == null
            ? new InvokeStep(setup.call(), context, encode)
            : new StateStep(state, setup.call(), context, setup.name(), encode);
    CallStep combine = new CombineStep(setup, invoke);
    CallStep pull = new PullStep(upstream, deadlines, combine);
    CallStep plan = new PlanStep(setup, pull);
    CallStep authorize = new AuthorizeStep(setup, plan);
    this.first = new AdmitStep(setup, deadlines, authorize);
  }

  /** Answers one call of {@code /}; {@code body} is a POST's JSON body, null for none. */
  void handle(HttpServerRequest request, Buffer body) {
    Call call = new Call(request, body, problems);
    try {
      first.handle(call);
    } catch (RuntimeException e) {
      call.fail(e);
    }
  }
}
