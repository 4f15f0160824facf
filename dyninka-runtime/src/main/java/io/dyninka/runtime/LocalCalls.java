package io.dyninka.runtime;

import io.vertx.core.Completable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call paths of the stateless members of a group, built by one verticle for its own event loop:
 * a direct pull from such a member runs right here, on the caller's loop, whatever loops the
 * member's own instances were given. Built on first use, one per member, and shared by every direct
 * pull of this verticle. Lives on one event loop, so it needs no locks.
 */
final class LocalCalls {

  private final Vertx vertx;
  private final Context context;
  private final ColocatedServices group;
  // The request's own watch (where it came in) covers its scope; this one only for the hops here.
  private final DeadlineWatch deadlines;
  private final Map<String, CallHandler> handlers = new HashMap<>();
  private final List<Upstream> opened = new ArrayList<>();

  LocalCalls(Vertx vertx, Context context, ColocatedServices group) {
    this.vertx = vertx;
    this.context = context;
    this.group = group;
    this.deadlines = new DeadlineWatch(vertx);
  }

  ColocatedServices group() {
    return group;
  }

  Context context() {
    return context;
  }

  /** The call path of {@code callee} on this event loop. */
  CallHandler handler(ServiceSetup callee) {
    CallHandler handler = handlers.get(callee.name());
    if (handler == null) {
      Upstream network = new OnFirstPull(callee);
      opened.add(network);
      handler =
          new CallHandler(
              callee,
              context,
              new LocalUpstream(callee, this, network),
              deadlines,
              new ProblemResponder(callee),
              group.observability(callee.name()));
      handlers.put(callee.name(), handler);
    }
    return handler;
  }

  Future<Void> close() {
    return Future.all(opened.stream().map(Upstream::close).toList()).mapEmpty();
  }

  /** The HTTP upstream of a member, opened only if one of its pulls leaves the group. */
  private final class OnFirstPull implements Upstream {
    private final ServiceSetup setup;
    private UpstreamClient client;

    OnFirstPull(ServiceSetup setup) {
      this.setup = setup;
    }

    @Override
    public void pull(
        String service, String route, Buffer body, RequestScope scope, Completable<Answer> done) {
      if (client == null) {
        client = new UpstreamClient(vertx, setup, group.observability(setup.name()));
      }
      client.pull(service, route, body, scope, done);
    }

    @Override
    public Future<Void> close() {
      return client == null ? Future.succeededFuture() : client.close();
    }
  }
}
