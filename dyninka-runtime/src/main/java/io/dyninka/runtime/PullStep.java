package io.dyninka.runtime;

import io.dyninka.runtime.RoutePlanner.Pull;
import io.dyninka.runtime.Upstream.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the planned inputs through the {@link Upstream}, all at once, under the request's deadline,
 * and hands the call on when every pull is answered; the first pull that fails answers the call.
 *
 * <p>In a DAG, a service that shares steps pulls them first, one after another (upstream first),
 * and the other inputs only when each answered 200: a shared step that filtered the item out or
 * failed ends the call without running the branches. Its output then goes with the pulls into its
 * region (see {@link Sharing}).
 */
final class PullStep implements CallStep {

  private final Upstream upstream;
  private final DeadlineWatch deadlines;
  private final JsonCodec codec;
  private final CallStep next;

  PullStep(Upstream upstream, DeadlineWatch deadlines, JsonCodec codec, CallStep next) {
    this.upstream = upstream;
    this.deadlines = deadlines;
    this.codec = codec;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    if (call.sharing != null && !call.sharing.sharedPulls().isEmpty()) {
      deadlines.watch(call.scope);
      call.sharedAnswers = new ArrayList<>(call.sharing.sharedPulls().size());
      pullShared(call, 0);
      return;
    }
    pullInputs(call);
  }

  /** Pulls shared step {@code index}, then the next, then the inputs. */
  private void pullShared(Call call, int index) {
    List<Pull> shares = call.sharing.sharedPulls();
    if (index == shares.size()) {
      pullInputs(call);
      return;
    }
    Pull share = shares.get(index);
    upstream.pull(
        share.service(),
        null,
        call.bodyFor(share.service()),
        call.scope,
        (answer, failure) -> {
          if (failure != null) {
            call.fail(failure);
            return;
          }
          call.sharedAnswers.add(answer);
          if (answer.status() != 200) {
            call.pulls = List.of(); // combine answers the 204 or the problem
            call.resume(next);
            return;
          }
          try {
            // A shared step in the same process hands its output object over: the branches still
            // get it as the JSON its service would have answered.
            call.shared.put(
                share.service(), answer.decoded() ? codec.encode(answer.value()) : answer.body());
            pullShared(call, index + 1);
          } catch (RuntimeException e) {
            call.fail(e);
          }
        });
  }

  private void pullInputs(Call call) {
    List<Pull> pulls = call.pulls;
    if (pulls.isEmpty()) {
      next.handle(call);
      return;
    }
    deadlines.watch(call.scope);
    if (pulls.size() == 1) {
      // The common case, one input: its answer goes straight on, without a composite future.
      Pull only = pulls.get(0);
      upstream.pull(
          only.service(),
          only.route(),
          call.bodyFor(only.service()),
          call.scope,
          (answer, failure) -> {
            if (failure != null) {
              call.fail(failure);
            } else {
              call.answer = answer;
              call.resume(next);
            }
          });
      return;
    }
    List<Future<Answer>> pulled = new ArrayList<>(pulls.size());
    for (Pull pull : pulls) {
      Promise<Answer> answer = Promise.promise();
      upstream.pull(pull.service(), pull.route(), call.bodyFor(pull.service()), call.scope, answer);
      pulled.add(answer.future());
    }
    Future.all(pulled)
        .onComplete(
            (all, failure) -> {
              if (failure != null) {
                call.fail(failure);
              } else {
                call.answers = all.list();
                call.resume(next);
              }
            });
  }
}
