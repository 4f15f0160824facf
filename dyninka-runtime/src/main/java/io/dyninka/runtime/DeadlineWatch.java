package io.dyninka.runtime;

import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Keeps the deadlines of the requests one event loop has in flight, with one timer at a time
 * instead of one per pull: while requests wait on their upstreams, a check every {@link
 * #TICK_MILLIS} stops the pulls of those whose deadline has passed, which then fail with a 504. A
 * deadline so holds to within a tick, and an idle service sets no timer at all.
 *
 * <p>A timer per pull costs a scheduled task, a map entry and two locks on every hop; this costs a
 * set entry. Lives on one event loop, so it needs no locks.
 */
final class DeadlineWatch {

  static final long TICK_MILLIS = 20;

  private final Vertx vertx;
  private final Set<RequestScope> watched = new HashSet<>();
  private boolean ticking;

  DeadlineWatch(Vertx vertx) {
    this.vertx = vertx;
  }

  void watch(RequestScope scope) {
    watched.add(scope);
    if (!ticking) {
      ticking = true;
      vertx.setTimer(TICK_MILLIS, this::tick);
    }
  }

  void forget(RequestScope scope) {
    watched.remove(scope);
  }

  private void tick(long timer) {
    for (Iterator<RequestScope> it = watched.iterator(); it.hasNext(); ) {
      RequestScope scope = it.next();
      if (scope.remainingMillis() <= 0) {
        it.remove();
        scope.expire();
      }
    }
    if (watched.isEmpty()) {
      ticking = false;
    } else {
      vertx.setTimer(TICK_MILLIS, this::tick);
    }
  }
}
