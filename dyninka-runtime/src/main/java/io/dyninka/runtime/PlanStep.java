package io.dyninka.runtime;

import io.dyninka.manifest.InputManifest;
import java.io.IOException;
import java.util.List;

/**
 * Plans a call: which upstreams it pulls from ({@link RoutePlanner}, 400 {@code bad-route}), and
 * the input it takes from the request body, decoded (400 {@code bad-request}).
 */
final class PlanStep implements CallStep {

  private final ServiceSetup setup;
  private final CallStep next;

  PlanStep(ServiceSetup setup, CallStep next) {
    this.setup = setup;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    call.pulls = setup.planner().plan(call.request.getHeader(RoutePlanner.HEADER));
    call.arguments = new Object[setup.self().inputs().size()];
    if (setup.readsRequestBody()) {
      readBodyInput(call);
    }
    next.handle(call);
  }

  private void readBodyInput(Call call) {
    List<InputManifest> inputs = setup.self().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      InputManifest input = inputs.get(i);
      if (input.from() != null) {
        continue;
      }
      if (call.body == null) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST.problem(
                "this app takes a JSON body of type "
                    + JsonErrors.typeName(input.type())
                    + ": POST it to the sink",
                setup.name()));
      }
      try {
        call.arguments[i] = setup.codec().decode(call.body, setup.codec().type(input.type()));
      } catch (IOException e) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST.problem(
                "the body is not a valid "
                    + JsonErrors.typeName(input.type())
                    + ": "
                    + JsonErrors.describe(e),
                setup.name()));
      }
    }
  }
}
