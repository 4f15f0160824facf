package io.dyninka.runtime;

import io.dyninka.runtime.observe.ServiceMetrics;
import io.dyninka.runtime.state.PlacedState;
import io.dyninka.runtime.state.StateStore.Change;
import io.dyninka.runtime.state.StateStoreUnavailable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a stateful function whose placed state lives in a state store, in place of {@link
 * InvokeStep}: one invocation at a time per replica, each on the state the one before left, and one
 * atomic check of every version read per commit. Invocations that arrive while a commit is in
 * flight wait, and then run as one <em>group</em>: one after the other on the state in the JVM,
 * committed together in one round trip, answered all after that commit (group commit). Another
 * replica's commit in between is a conflict: the whole group runs again on the new state, at most
 * {@link #MAX_CONFLICTS} times. An invocation that throws commits nothing: the members before it
 * run again without it and commit, those after it wait for the next group.
 */
final class StateStep implements CallStep {

  static final int MAX_CONFLICTS = 16;

  /** How long a replica waits when another one holds the turn, before it runs again. */
  static final long WAIT_MILLIS = 1;

  /** Runs that may stop to load an entry not cached yet: one per new entry an invocation reads. */
  static final int MAX_LOADS = 64;

  /**
   * The most invocations committed together: enough to carry a replica's whole queue under load,
   * few enough that a group lost to a conflict is cheap to run again.
   */
  static final int MAX_GROUP = 64;

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
    waiting.add(call);
    if (!busy) {
      busy = true;
      nextGroup();
    }
  }

  /** Starts a group with every invocation waiting, up to {@link #MAX_GROUP}. */
  private void nextGroup() {
    if (waiting.isEmpty()) {
      busy = false;
      return;
    }
    List<Member> members = new ArrayList<>(Math.min(waiting.size(), MAX_GROUP));
    while (!waiting.isEmpty() && members.size() < MAX_GROUP) {
      members.add(new Member(waiting.poll()));
    }
    new Group(members).attempt();
  }

  /** One invocation of a group, and how its last run ended. */
  private static final class Member {
    final Call call;
    FunctionCall.Outcome outcome;
    Throwable failure;

    Member(Call call) {
      this.call = call;
    }
  }

  /** Invocations run one after the other on the state in the JVM, and committed as one. */
  private final class Group {
    final List<Member> members;
    int conflicts;
    int loads;

    Group(List<Member> members) {
      this.members = new ArrayList<>(members);
    }

    /** The time left to the member whose deadline comes first: the store must answer by then. */
    long remainingMillis() {
      long least = Long.MAX_VALUE;
      for (Member m : members) {
        least = Math.min(least, m.call.scope.remainingMillis());
      }
      return least;
    }

    /** Loads what is not cached, then runs every member from the committed state. */
    void attempt() {
      // A member out of time would make the store's round trip, and so the whole group, time out.
      members.removeIf(
          m -> {
            if (m.call.scope.remainingMillis() > 0) {
              return false;
            }
            m.call.fail(contended("its deadline passed while it waited for its turn"));
            return true;
          });
      if (members.isEmpty()) {
        context.runOnContext(v -> nextGroup());
        return;
      }
      long begin = System.nanoTime();
      state
          .prepare(remainingMillis())
          .onComplete(
              (loaded, loadFailure) -> {
                record("load", loadFailure == null ? "ok" : "failed", begin);
                if (loadFailure != null) {
                  finish(unavailable(loadFailure));
                  return;
                }
                for (Member m : members) {
                  m.failure = null;
                  m.outcome = null;
                }
                state.install();
                runFrom(0);
              });
    }

    /** Runs the members from {@code index} on, skipping those that threw in this attempt. */
    void runFrom(int index) {
      int i = index;
      while (i < members.size() && members.get(i).failure != null) {
        i++;
      }
      if (i == members.size()) {
        commit();
        return;
      }
      int at = i;
      Member member = members.get(at);
      try {
        // An ASYNC function whose future never completes must not hold up every later invocation.
        long deadline = Math.max(1, member.call.scope.remainingMillis());
        function
            .run(context, new Arguments(member.call.arguments.clone()))
            .timeout(deadline, TimeUnit.MILLISECONDS)
            .recover(failure -> Future.failedFuture(unfinished(failure, deadline)))
            .onComplete((outcome, failure) -> ran(at, outcome, failure));
      } catch (RuntimeException | Error e) {
        ran(at, null, e);
      }
    }

    void ran(int index, FunctionCall.Outcome outcome, Throwable failure) {
      Member member = members.get(index);
      boolean ranBefore = false;
      for (int i = 0; i < index; i++) {
        ranBefore |= members.get(i).failure == null;
      }
      if (state.missedEntries()) {
        state.failed();
        if (ranBefore) {
          // Its changes are mixed with those of the members before it: they run again and commit
          // without it, while its entries load; it leads the next group.
          requeueFrom(index);
        } else if (++loads >= MAX_LOADS) {
          finish(contended("read more than " + MAX_LOADS + " entries not loaded yet"));
          return;
        }
        attempt();
        return;
      }
      if (failure == null) {
        member.outcome = outcome;
        runFrom(index + 1);
        return;
      }
      member.failure = failure;
      state.failed();
      if (!ranBefore) {
        // It ran on the committed state, which the fields hold again: the others go on.
        runFrom(index + 1);
        return;
      }
      // Its changes are mixed with those of the members before it: they run again without it
      // (on the event loop, so the stack stays short) and commit; those after it wait for the
      // next group, so that each throw costs one re-run of the members before it at most.
      requeueFrom(index + 1);
      context.runOnContext(v -> runFrom(0));
    }

    /** Puts the members from {@code index} on back at the head of the queue, in their order. */
    void requeueFrom(int index) {
      for (int i = members.size() - 1; i >= index; i--) {
        waiting.addFirst(members.remove(i).call);
      }
    }

    void commit() {
      if (members.stream().allMatch(m -> m.failure != null)) {
        // Each ran on the committed state, and changed nothing: there is nothing to commit.
        answer();
        return;
      }
      List<Change> changes;
      try {
        changes = state.changes();
      } catch (RuntimeException e) {
        state.failed();
        if (members.size() > 1) {
          split();
        } else {
          finish(e);
        }
        return;
      }
      long begin = System.nanoTime();
      state
          .commit(changes, conflicts > 0, remainingMillis())
          .onComplete(
              (commit, commitFailure) -> {
                record(
                    "commit",
                    commitFailure != null
                        ? "failed"
                        : commit.outcome().name().toLowerCase(Locale.ROOT),
                    begin);
                if (commitFailure != null) {
                  state.uncertain();
                  finish(unavailable(commitFailure));
                  return;
                }
                switch (commit.outcome()) {
                  case COMMITTED -> {
                    state.committed(changes);
                    answer();
                  }
                  case CONFLICT -> {
                    state.conflicted(commit.moved());
                    if (++conflicts >= MAX_CONFLICTS) {
                      finish(contended(MAX_CONFLICTS + " tries lost to other replicas' commits"));
                    } else {
                      attempt();
                    }
                  }
                  case WAIT -> {
                    state.failed();
                    if (remainingMillis() <= WAIT_MILLIS) {
                      finish(contended("other replicas held the turn until the deadline"));
                    } else {
                      context.owner().setTimer(WAIT_MILLIS, id -> attempt());
                    }
                  }
                }
              });
    }

    /**
     * The group's state cannot be written as JSON, and which member made it so is unknown: the
     * first runs alone, the others wait at the head of the queue, in their order.
     */
    void split() {
      requeueFrom(1);
      attempt();
    }

    /** Answers every member as its last run ended (after the commit), then the next group. */
    void answer() {
      for (Member m : members) {
        if (m.failure != null) {
          m.call.fail(m.failure);
        } else {
          m.call.outcome = m.outcome;
          m.call.resume(next);
        }
      }
      context.runOnContext(v -> nextGroup());
    }

    /** Answers every member with {@code failure}: nothing of the group was committed. */
    void finish(Throwable failure) {
      members.forEach(m -> m.call.fail(failure));
      context.runOnContext(v -> nextGroup());
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
