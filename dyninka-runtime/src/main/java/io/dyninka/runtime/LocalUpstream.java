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
 * <p>A stateless callee runs right there, on the caller's event loop, under the caller's {@link
 * RequestScope} ({@link LocalCalls}). A stateful one runs on its single instance, which keeps its
 * invocations serial: inline when that instance is on the caller's loop, else on its own loop under
 * a scope with the same trace and the time left, its answer coming back to the caller's loop.
 * Either way the caller's deadline ends the pull with the same 504 as over HTTP, and the pull and
 * the callee's request are counted as over HTTP ({@link DirectCallMeters}).
 */
final class LocalUpstream implements Upstream {

  private final ServiceSetup setup;
  private final LocalCalls local;
  private final ColocatedServices group;
  private final Upstream network;
  private final Context context;
  private final DirectCallMeters meters;

  LocalUpstream(ServiceSetup setup, LocalCalls local, Upstream network) {
    this.setup = setup;
    this.local = local;
    this.group = local.group();
    this.network = network;
    this.context = local.context();
    this.meters = new DirectCallMeters(group, setup.name());
  }

  @Override
  public void pull(
      String service, String route, Buffer body, RequestScope scope, Completable<Answer> done) {
    ServiceSetup member = group.contains(service) ? group.setup(service) : null;
    Instance callee =
        member != null && member.self().stateful()
            ? group.instance(service, Thread.currentThread())
            : null;
    if (member == null || (member.self().stateful() && callee == null)) {
      // Not a member, or not started yet: over HTTP, as without a group.
      network.pull(service, route, body, scope, done);
      return;
    }
    Completable<Answer> counted = meters.pulled(service, done);
    if (scope.remainingMillis() <= 0) {
      counted.fail(new ProblemException(timedOut(service)));
      return;
    }
    DirectPull pull = new DirectPull(service, counted);
    scope.track(pull::expire);
    if (callee == null) {
      local.handler(member).handleDirect(route, body, scope, meters.served(service, pull));
      return;
    }
    if (callee.loop() == Thread.currentThread()) {
      callee.handler().handleDirect(route, body, scope, meters.served(service, pull));
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
                        meters.served(
                            service,
                            (answer, failure) ->
                                context.runOnContext(back -> pull.complete(answer, failure)))));
  }

  @Override
  public Future<Void> close() {
    return Future.all(network.close(), local.close()).mapEmpty();
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
