package io.dyninka.runtime;

import io.dyninka.manifest.InputManifest;
import io.dyninka.runtime.RoutePlanner.Pull;
import io.dyninka.runtime.Upstream.Answer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Combines the upstreams' answers into the function's inputs: gathers their {@code Server-Timing}
 * entries, answers 204 when one filtered the item out, passes an upstream's problem on with this
 * service added to its path, and decodes the bodies (502 {@code upstream-invalid}).
 */
final class CombineStep implements CallStep {

  private final ServiceSetup setup;
  private final CallStep next;

  CombineStep(ServiceSetup setup, CallStep next) {
    this.setup = setup;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    StringBuilder timing = new StringBuilder();
    call.timing = timing;
    int count = call.pulls.size();
    boolean filtered = false;
    if (call.sharedAnswers != null) {
      // The shared steps were pulled first: their entries come first, and end the call if need be.
      for (int i = 0; i < call.sharedAnswers.size(); i++) {
        Answer answer = call.sharedAnswers.get(i);
        ServerTiming.collect(timing, answer.serverTiming());
        if (answer.status() == 204) {
          filtered = true;
        } else if (answer.status() != 200) {
          propagate(call, call.sharing.sharedPulls().get(i).service(), answer);
          return;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      Answer answer = call.answer(i);
      ServerTiming.collect(timing, answer.serverTiming());
      if (answer.status() == 204) {
        filtered = true;
      } else if (answer.status() != 200) {
        propagate(call, call.pulls.get(i).service(), answer);
        return;
      }
    }
    if (filtered) {
      // This service was traversed without running its function: its entry says so with 0.
      String entries = ServerTiming.append(timing, setup.name(), 0);
      if (call.direct != null) {
        call.direct.succeed(new Answer(204, Buffer.buffer(), null, entries));
        return;
      }
      call.response.setStatusCode(204).putHeader(ServerTiming.HEADER, entries).end();
      return;
    }
    for (int i = 0; i < count; i++) {
      Pull pull = call.pulls.get(i);
      Answer answer = call.answer(i);
      // An upstream of the same process handed its output over as it is: nothing to decode.
      call.arguments[pull.parameter()] =
          answer.decoded() ? answer.value() : decode(pull, answer.body());
    }
    if (call.shared != null && !call.shared.isEmpty()) {
      fillShared(call);
    }
    next.handle(call);
  }

  /** An upstream problem goes on unchanged to the client, with this service added to its path. */
  private void propagate(Call call, String from, Answer answer) {
    JsonObject problem = null;
    if (answer.contentType() != null && answer.contentType().startsWith(Problem.CONTENT_TYPE)) {
      try {
        problem = answer.body().toJsonObject();
      } catch (RuntimeException notJson) {
        problem = null;
      }
    }
    if (problem == null) {
      throw new ProblemException(
          ProblemType.UPSTREAM_INVALID.problem(
              "upstream '"
                  + from
                  + "' answered HTTP "
                  + answer.status()
                  + " without a problem body",
              setup.name()));
    }
    JsonArray path = problem.getValue("path") instanceof JsonArray array ? array : new JsonArray();
    problem.put("path", path.add(setup.name()));
    if (call.direct != null) {
      call.direct.succeed(
          new Answer(
              answer.status(),
              problem.toBuffer(),
              Problem.CONTENT_TYPE,
              ServerTiming.append(call.timing, setup.name(), 0)));
      return;
    }
    call.response
        .setStatusCode(answer.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .putHeader(ServerTiming.HEADER, ServerTiming.append(call.timing, setup.name(), 0))
        .end(problem.toBuffer());
  }

  /** The inputs from shared steps: handed over in the envelope, or pulled first by this service. */
  private void fillShared(Call call) {
    for (int i = 0; i < setup.self().inputs().size(); i++) {
      InputManifest input = setup.self().inputs().get(i);
      Buffer value = input.from() == null ? null : call.shared.get(input.from());
      if (value != null) {
        call.arguments[i] = decode(new Pull(i, input, input.from(), null), value);
      }
    }
  }

  private Object decode(Pull pull, Buffer body) {
    try {
      return setup.codec().decode(body, setup.codec().type(pull.input().type()));
    } catch (IOException e) {
      throw new ProblemException(
          ProblemType.UPSTREAM_INVALID.problem(
              "upstream '"
                  + pull.service()
                  + "' answered a body that is not a valid "
                  + JsonErrors.typeName(pull.input().type())
                  + ": "
                  + JsonErrors.describe(e),
              setup.name()));
    }
  }
}
