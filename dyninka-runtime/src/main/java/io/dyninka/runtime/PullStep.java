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
 */
final class PullStep implements CallStep {

  private final Upstream upstream;
  private final DeadlineWatch deadlines;
  private final CallStep next;

  PullStep(Upstream upstream, DeadlineWatch deadlines, CallStep next) {
    this.upstream = upstream;
    this.deadlines = deadlines;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
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
          call.body,
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
      upstream.pull(pull.service(), pull.route(), call.body, call.scope, answer);
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
