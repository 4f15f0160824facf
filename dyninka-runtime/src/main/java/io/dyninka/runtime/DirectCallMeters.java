package io.dyninka.runtime;

import io.dyninka.runtime.Upstream.Answer;
import io.dyninka.runtime.observe.PullMetrics;
import io.dyninka.runtime.observe.PullOutcome;
import io.dyninka.runtime.observe.ServiceMetrics;
import io.vertx.core.Completable;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts a direct call inside a group as the same call over HTTP is counted: the caller's pull (by
 * upstream and outcome) and the callee's request (by status, with its duration), so that {@code
 * /metrics}, Prometheus and the live page see a grouped service as they see a split one. One per
 * {@link LocalUpstream}, on its event loop: the lookups need no locks.
 */
final class DirectCallMeters {

  private final ColocatedServices group;
  private final ServiceMetrics caller;
  private final Map<String, PullMetrics> pulls = new HashMap<>();

  /** The meters of {@code caller}'s direct pulls; metrics off for it or not, callees count. */
  DirectCallMeters(ColocatedServices group, String caller) {
    this.group = group;
    this.caller = meters(group, caller);
  }

  /**
   * {@code done}, told first to the callee's request meters: the status it answered, the time since
   * now. Completed by the callee, on its own event loop, even after the caller gave up.
   */
  Completable<Answer> served(String callee, Completable<Answer> done) {
    ServiceMetrics metrics = meters(group, callee);
    if (metrics == null) {
      return done;
    }
    long start = System.nanoTime();
    return (answer, failure) -> {
      metrics.served(status(answer, failure), System.nanoTime() - start);
      done.complete(answer, failure);
    };
  }

  /**
   * {@code done}, told first to the caller's pull meters: how the pull ended (the callee's answer
   * or the deadline), the time since now.
   */
  Completable<Answer> pulled(String callee, Completable<Answer> done) {
    if (caller == null) {
      return done;
    }
    PullMetrics metrics = pulls.computeIfAbsent(callee, caller::pulls);
    long start = System.nanoTime();
    return (answer, failure) -> {
      metrics.record(
          failure == null ? PullOutcome.of(answer.status()) : PullOutcome.TIMEOUT,
          System.nanoTime() - start);
      done.complete(answer, failure);
    };
  }

  private static int status(Answer answer, Throwable failure) {
    if (failure == null) {
      return answer.status();
    }
    return failure instanceof ProblemException p ? p.problem().status() : 500;
  }

  private static ServiceMetrics meters(ColocatedServices group, String service) {
    var observe = group.observability(service);
    return observe == null ? null : observe.metrics();
  }
}
