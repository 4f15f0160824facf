package io.dyninka.runtime;

import io.dyninka.manifest.InputManifest;
import io.dyninka.runtime.RoutePlanner.Pull;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Plans a call: which upstreams it pulls from ({@link RoutePlanner}, 400 {@code bad-route}), and
 * the input it takes from the request body, decoded (400 {@code bad-request}).
 */
final class PlanStep implements CallStep {

  private final ServiceSetup setup;
  private final Sharing sharing;
  private final CallStep next;

  PlanStep(ServiceSetup setup, CallStep next) {
    this.setup = setup;
    this.sharing = Sharing.of(setup.manifest(), setup.self());
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    call.pulls = setup.planner().plan(call.route());
    call.arguments = new Object[setup.self().inputs().size()];
    Buffer clientBody = call.body;
    if (sharing != null) {
      clientBody = planShared(call);
    }
    if (setup.readsRequestBody()) {
      readBodyInput(call, clientBody);
    }
    next.handle(call);
  }

  /**
   * In a DAG: opens the envelope this call came with, and leaves out the pulls of shared steps,
   * which are handed over or pulled first, once.
   *
   * @return the client's body
   */
  private Buffer planShared(Call call) {
    call.sharing = sharing;
    call.shared = new HashMap<>();
    call.clientBody = call.body;
    if (sharing.readsEnvelope() && call.body != null) {
      SharedEnvelope envelope;
      try {
        envelope = SharedEnvelope.decode(call.body);
      } catch (IllegalArgumentException e) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST.problem(
                "a body sent to '"
                    + setup.name()
                    + "' must be the shared envelope its common downstream sends, and "
                    + e.getMessage(),
                setup.name()));
      }
      call.shared.putAll(envelope.shared());
      call.clientBody = envelope.body();
    }
    List<Pull> pulls = new ArrayList<>(call.pulls.size());
    for (Pull pull : call.pulls) {
      if (!call.shared.containsKey(pull.service()) && !shares(pull.service())) {
        pulls.add(pull);
      }
    }
    call.pulls = pulls;
    return call.clientBody;
  }

  private boolean shares(String service) {
    return setup.self().shares().contains(service);
  }

  private void readBodyInput(Call call, Buffer body) {
    List<InputManifest> inputs = setup.self().inputs();
    for (int i = 0; i < inputs.size(); i++) {
      InputManifest input = inputs.get(i);
      if (input.from() != null) {
        continue;
      }
      if (body == null) {
        throw new ProblemException(
            ProblemType.BAD_REQUEST.problem(
                "this app takes a JSON body of type "
                    + JsonErrors.typeName(input.type())
                    + ": POST it to the sink",
                setup.name()));
      }
      try {
        call.arguments[i] = setup.codec().decode(body, setup.codec().type(input.type()));
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
