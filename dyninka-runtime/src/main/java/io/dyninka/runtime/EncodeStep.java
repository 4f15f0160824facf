package io.dyninka.runtime;

import io.dyninka.runtime.Upstream.Answer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers the function's outcome: its value as JSON (500 {@code output-not-json} when it cannot be
 * written, 500 {@code output-invalid} when it holds a null its type forbids), or 204 when it
 * filtered the item out, with this service's {@code Server-Timing} entry after its upstreams'.
 */
final class EncodeStep implements CallStep {

  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private final ServiceSetup setup;

  EncodeStep(ServiceSetup setup) {
    this.setup = setup;
  }

  @Override
  public void handle(Call call) {
    FunctionCall.Outcome outcome = call.outcome;
    if (call.direct != null) {
      // A caller in the same process takes the output object itself: no JSON either way.
      String entries = ServerTiming.append(call.timing, setup.name(), outcome.nanos());
      call.direct.succeed(
          outcome.filtered()
              ? new Answer(204, Buffer.buffer(), null, entries)
              : new Answer(200, null, null, entries, outcome.value()));
      return;
    }
    call.response.putHeader(
        ServerTiming.HEADER, ServerTiming.append(call.timing, setup.name(), outcome.nanos()));
    if (outcome.filtered()) {
      call.response.setStatusCode(204).end();
      return;
    }
    refuseInvalid(outcome.value());
    Buffer json;
    try {
      json = setup.codec().encode(outcome.value());
    } catch (IllegalStateException e) {
      throw new ProblemException(
          ProblemType.OUTPUT_NOT_JSON.problem(e.getMessage(), setup.name()), e);
    }
    call.response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(json);
  }

  /**
   * An output with a null its type forbids is this service's fault: answered here, and logged here
   * in one line, rather than refused as {@code upstream-invalid} by whoever reads it.
   */
  private void refuseInvalid(Object value) {
    String violation = setup.codec().nullViolation(value);
    if (violation != null) {
      String detail = setup.name() + "'s output " + violation;
      setup.log().log(
          System.Logger.Level.WARNING,
          "service " + setup.name() + " answered output-invalid: " + detail);
      throw new ProblemException(ProblemType.OUTPUT_INVALID.problem(detail, setup.name()));
    }
  }
}
