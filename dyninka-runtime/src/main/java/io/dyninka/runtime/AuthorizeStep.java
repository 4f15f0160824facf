package io.dyninka.runtime;

import io.vertx.core.http.HttpHeaders;

/** Lets a call in only with the app's shared token, when it has one (401 {@code unauthorized}). */
final class AuthorizeStep implements CallStep {

  private final ServiceSetup setup;
  private final CallStep next;

  AuthorizeStep(ServiceSetup setup, CallStep next) {
    this.setup = setup;
    this.next = next;
  }

  @Override
  public void handle(Call call) {
    if (!setup.authorized(call.request.getHeader(HttpHeaders.AUTHORIZATION))) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED.problem(
              "calls between the services of this app need the shared token (DYNINKA_TOKEN)",
              setup.name()));
    }
    next.handle(call);
  }
}
