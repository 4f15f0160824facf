package io.dyninka.runtime;

import io.vertx.core.Context;

/**
 * Calls the user's function with the call's inputs ({@link FunctionCall}), and keeps its outcome.
 */
final class InvokeStep implements CallStep {

  private final FunctionCall function;
  private final Context context;
  private final CallStep next;

  InvokeStep(FunctionCall function, Context context, CallStep next) {
    this.function = function;
    this.context = context;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    function
        .run(context, new Arguments(call.arguments))
        .onComplete(
            (outcome, failure) -> {
              if (failure != null) {
                call.fail(failure);
              } else {
                call.outcome = outcome;
                call.resume(next);
              }
            });
  }
}
