package io.dyninka.runtime;

import io.dyninka.runtime.ColocatedServices.Instance;
import io.vertx.core.Completable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * The {@link Upstream} of a service that shares its process with others: a pull from a member of
 * its group is a direct call of that member's {@link CallHandler}, with no HTTP and no JSON; a pull
 * from any other service goes over the {@code network} as before.
 *
 * <p>A callee with an instance on the caller's event loop (every stateless one) runs right there,
 * under the caller's {@link RequestScope}. One without (a stateful service, whose single instance
 * keeps its invocations serial) runs on its own event loop, under a scope with the same trace and
 * the time left, and its answer comes back to the caller's loop. Either way the caller's deadline
 * ends the pull with the same 504 as over HTTP.
 */
final class LocalUpstream implements Upstream {

  private final ServiceSetup setup;
  private final ColocatedServices group;
  private final Upstream network;
  private final Context context;

  LocalUpstream(ServiceSetup setup, ColocatedServices group, Upstream network, Context context) {
    this.setup = setup;
    this.group = group;
    this.network = network;
    this.context = context;
  }

  @Override
  public void pull(
      String service, String route, Buffer body, RequestScope scope, Completable<Answer> done) {
    Instance callee =
        group.contains(service) ? group.instance(service, Thread.currentThread()) : null;
    if (callee == null) {
      network.pull(service, route, body, scope, done);
      return;
    }
    if (scope.remainingMillis() <= 0) {
      done.fail(new ProblemException(timedOut(service)));
      return;
    }
    DirectPull pull = new DirectPull(service, done);
    scope.track(pull::expire);
    if (callee.loop() == Thread.currentThread()) {
      callee.handler().handleDirect(route, body, scope, pull);
      return;
    }
    RequestScope own = new RequestScope(scope.traceparent(), Math.max(1, scope.remainingMillis()));
    callee
        .context()
        .runOnContext(
            started ->
                callee
                    .handler()
                    .handleDirect(
                        route,
                        body,
                        own,
                        (answer, failure) ->
                            context.runOnContext(back -> pull.complete(answer, failure))));
  }

  @Override
  public Future<Void> close() {
    return network.close();
  }

  private Problem timedOut(String service) {
    return ProblemType.UPSTREAM_TIMEOUT.problem(
        "upstream '"
            + service
            + "' did not answer within the request's deadline (DYNINKA_TIMEOUT_MS = "
            + setup.config().upstreamTimeout().toMillis()
            + " ms)",
        setup.name());
  }

  /** One direct pull: answered once, by the callee or by the deadline, whichever comes first. */
  private final class DirectPull implements Completable<Answer> {

    private final String service;
    private final Completable<Answer> done;
    private boolean finished;

    DirectPull(String service, Completable<Answer> done) {
      this.service = service;
      this.done = done;
    }

    @Override
    public void complete(Answer answer, Throwable failure) {
      if (finished) {
        return;
      }
      finished = true;
      done.complete(answer, failure);
    }

    void expire() {
      complete(null, new ProblemException(timedOut(service)));
    }
  }
}
