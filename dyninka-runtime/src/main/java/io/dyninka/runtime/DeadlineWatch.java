package io.dyninka.runtime;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Keeps the deadlines of the requests one event loop has in flight with a single timer, set for the
 * earliest of them, instead of a timer per pull: when it fires, the pulls of every request whose
 * deadline has passed are stopped (they then fail with a 504) and the timer is set again for the
 * next deadline.
 *
 * <p>A timer per pull costs a scheduled task, a map entry and two locks on every hop; a timer that
 * ticks at a fixed rate wakes idle event loops, which costs more than the requests themselves at
 * low load. With the default budget, requests end long before their deadline, so this timer rarely
 * fires at all. Lives on one event loop, so it needs no locks.
 */
final class DeadlineWatch {

  private final Vertx vertx;
  private final Set<RequestScope> watched = new HashSet<>();
  private long timer = -1;
  private long armedFor;

  DeadlineWatch(Vertx vertx) {
    this.vertx = vertx;
  }

  void watch(RequestScope scope) {
    watched.add(scope);
    if (timer < 0 || scope.deadlineNanos() < armedFor) {
      // A caller's shorter Dyninka-Deadline-Ms can come due before the timer: set it earlier.
      arm(scope.deadlineNanos());
    }
  }

  void forget(RequestScope scope) {
    watched.remove(scope);
  }

  private void arm(long deadlineNanos) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    armedFor = deadlineNanos;
    long delayMillis = Math.max(1, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000);
    timer = vertx.setTimer(delayMillis, this::fire);
  }

  private void fire(long fired) {
    timer = -1;
    long next = Long.MAX_VALUE;
    for (Iterator<RequestScope> it = watched.iterator(); it.hasNext(); ) {
      RequestScope scope = it.next();
      if (scope.remainingMillis() <= 0) {
        it.remove();
        scope.expire();
      } else {
        next = Math.min(next, scope.deadlineNanos());
      }
    }
    if (next != Long.MAX_VALUE) {
      arm(next);
    }
  }
}
