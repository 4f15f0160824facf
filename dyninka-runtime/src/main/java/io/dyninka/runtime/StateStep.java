package io.dyninka.runtime;

import io.dyninka.runtime.observe.ServiceMetrics;
import io.dyninka.runtime.state.PlacedState;
import io.dyninka.runtime.state.StateStore.Change;
import io.dyninka.runtime.state.StateStoreUnavailable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a stateful function whose placed state lives in a state store, in place of {@link
 * InvokeStep}: one invocation at a time per replica (the next waits for the previous commit); each
 * one runs on the last committed state and commits all its changes in one atomic check of every
 * version it read. Another replica's commit in between is a conflict: the function runs again on
 * the new state, at most {@link #MAX_CONFLICTS} times. A function that throws commits nothing. The
 * answer goes out only after the commit.
 */
final class StateStep implements CallStep {

  static final int MAX_CONFLICTS = 16;

  /** How long a replica waits when another one holds the turn, before it runs again. */
  static final long WAIT_MILLIS = 1;

  /** Runs that may stop to load an entry not cached yet: one per new entry an invocation reads. */
  static final int MAX_LOADS = 64;

  private final PlacedState state;
  private final FunctionCall function;
  private final Context context;
  private final String service;
  private final CallStep next;
  private final ServiceMetrics metrics;
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private boolean busy;

  /**
   * @param metrics where the store's loads and commits are recorded (by outcome); null for none
   */
  StateStep(
      PlacedState state,
      FunctionCall function,
      Context context,
      String service,
      ServiceMetrics metrics,
      CallStep next) {
    this.state = state;
    this.function = function;
    this.context = context;
    this.service = service;
    this.metrics = metrics;
    this.next = next;
  }

  private void record(String operation, String outcome, long begin) {
    if (metrics != null) {
      metrics.stateStore(operation, outcome, System.nanoTime() - begin);
    }
  }

  @Override
  public void handle(Call call) {
    if (busy) {
      waiting.add(call);
      return;
    }
    busy = true;
    attempt(call, 0, 0);
  }

  private void attempt(Call call, int conflicts, int loads) {
    long begin = System.nanoTime();
    state
        .prepare(call.scope.remainingMillis())
        .onComplete(
            (loaded, loadFailure) -> {
              record("load", loadFailure == null ? "ok" : "failed", begin);
              if (loadFailure != null) {
                finish(call, unavailable(loadFailure));
                return;
              }
              run(call, conflicts, loads);
            });
  }

  private void run(Call call, int conflicts, int loads) {
    try {
      state.install();
      // An ASYNC function whose future never completes must not hold up every later invocation.
      long deadline = Math.max(1, call.scope.remainingMillis());
      function
          .run(context, new Arguments(call.arguments.clone()))
          .timeout(deadline, TimeUnit.MILLISECONDS)
          .recover(failure -> Future.failedFuture(unfinished(failure, deadline)))
          .onComplete((outcome, failure) -> ran(call, conflicts, loads, outcome, failure));
    } catch (RuntimeException | Error e) {
      ran(call, conflicts, loads, null, e);
    }
  }

  private void ran(
      Call call, int conflicts, int loads, FunctionCall.Outcome outcome, Throwable failure) {
    if (state.missedEntries()) {
      state.failed();
      if (loads + 1 >= MAX_LOADS) {
        finish(call, contended("read more than " + MAX_LOADS + " entries not loaded yet"));
        return;
      }
      attempt(call, conflicts, loads + 1);
      return;
    }
    if (failure != null) {
      state.failed();
      finish(call, failure);
      return;
    }
    List<Change> changes;
    try {
      changes = state.changes();
    } catch (RuntimeException e) {
      state.failed();
      finish(call, e);
      return;
    }
    long begin = System.nanoTime();
    state
        .commit(changes, conflicts > 0, call.scope.remainingMillis())
        .onComplete(
            (commit, commitFailure) -> {
              record(
                  "commit",
                  commitFailure != null
                      ? "failed"
                      : commit.outcome().name().toLowerCase(java.util.Locale.ROOT),
                  begin);
              if (commitFailure != null) {
                state.uncertain();
                finish(call, unavailable(commitFailure));
                return;
              }
              switch (commit.outcome()) {
                case COMMITTED -> {
                  state.committed(changes);
                  call.outcome = outcome;
                  finish(call, null);
                }
                case CONFLICT -> {
                  state.conflicted(commit.moved());
                  if (conflicts + 1 >= MAX_CONFLICTS) {
                    finish(
                        call, contended(MAX_CONFLICTS + " tries lost to other replicas' commits"));
                  } else {
                    attempt(call, conflicts + 1, loads);
                  }
                }
                case WAIT -> {
                  state.failed();
                  if (call.scope.remainingMillis() <= WAIT_MILLIS) {
                    finish(call, contended("other replicas held the turn until the deadline"));
                  } else {
                    context.owner().setTimer(WAIT_MILLIS, id -> attempt(call, conflicts, loads));
                  }
                }
              }
            });
  }

  /** Answers the call (after its commit), then starts the next waiting one on a fresh turn. */
  private void finish(Call call, Throwable failure) {
    if (failure == null) {
      call.resume(next);
    } else {
      call.fail(failure);
    }
    Call following = waiting.poll();
    if (following == null) {
      busy = false;
    } else {
      context.runOnContext(v -> attempt(following, 0, 0));
    }
  }

  private ProblemException unavailable(Throwable failure) {
    String detail =
        failure instanceof StateStoreUnavailable
            ? failure.getMessage()
            : "state store " + state.address() + " failed: " + failure.getMessage();
    return new ProblemException(
        ProblemType.STATE_STORE_UNAVAILABLE.problem(detail, service), failure);
  }

  private Throwable unfinished(Throwable failure, long deadline) {
    if (!(failure instanceof TimeoutException)) {
      return failure;
    }
    return new ProblemException(
        ProblemType.FUNCTION_FAILED.problem(
            "the function did not complete within the request's deadline ("
                + deadline
                + " ms); its changes are not committed",
            service),
        failure);
  }

  private ProblemException contended(String why) {
    return new ProblemException(
        ProblemType.STATE_CONTENDED.problem("the invocation did not commit: " + why, service));
  }
}
