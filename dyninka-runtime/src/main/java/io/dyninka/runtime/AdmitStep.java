package io.dyninka.runtime;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Admits a call among the requests in flight (503 {@code overloaded} beyond {@code
 * DYNINKA_MAX_IN_FLIGHT}) and opens its {@link RequestScope}: the trace it forwards and its time
 * budget. The call gives its place back when it ends or the client leaves, and a client that leaves
 * stops the call's pulls.
 */
final class AdmitStep implements CallStep {

  private final ServiceSetup setup;
  private final DeadlineWatch deadlines;
  private final CallStep next;

  AdmitStep(ServiceSetup setup, DeadlineWatch deadlines, CallStep next) {
    this.setup = setup;
    this.deadlines = deadlines;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    if (!setup.admit()) {
      call.response.putHeader(HttpHeaders.RETRY_AFTER, "1");
      throw new ProblemException(
          ProblemType.OVERLOADED.problem(
              "more than "
                  + setup.config().maxInFlight()
                  + " requests in flight (DYNINKA_MAX_IN_FLIGHT); retry later",
              setup.name()));
    }
    HttpServerRequest request = call.request;
    RequestScope scope =
        new RequestScope(
            TraceParent.forward(request.getHeader(TraceParent.HEADER)),
            RequestScope.budget(
                request.getHeader(RequestScope.DEADLINE_HEADER),
                setup.config().upstreamTimeout().toMillis()));
    call.scope = scope;
    // Ended or cut off, the request gives back its place; cut off, its pulls are stopped too.
    call.response.endHandler(ended -> finish(scope));
    call.response.closeHandler(
        closed -> {
          finish(scope);
          scope.cancel();
        });
    next.handle(call);
  }

  private void finish(RequestScope scope) {
    if (scope.end()) {
      setup.release();
      deadlines.forget(scope);
    }
  }
}
