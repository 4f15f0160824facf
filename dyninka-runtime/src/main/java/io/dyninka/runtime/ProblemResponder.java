package io.dyninka.runtime;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers failures as problems, in one place for the routes and the call path: a {@link
 * ProblemException}'s own problem, anything else as a logged {@code internal-error}.
 */
final class ProblemResponder {

  private final ServiceSetup setup;

  ProblemResponder(ServiceSetup setup) {
    this.setup = setup;
  }

  void fail(HttpServerResponse response, Throwable failure) {
    answer(response, problemOf(failure));
  }

  /** The problem that answers {@code failure}; an unexpected one is logged. */
  Problem problemOf(Throwable failure) {
    Problem problem;
    if (failure instanceof ProblemException e) {
      problem = e.problem();
      if (e.getCause() != null) {
        setup.log().log(
            System.Logger.Level.WARNING,
            "service " + setup.name() + " failed: " + problem.detail(),
            e.getCause());
      }
    } else {
      setup.log().log(
          System.Logger.Level.ERROR, "service " + setup.name() + " failed unexpectedly", failure);
      problem =
          ProblemType.INTERNAL_ERROR.problem(String.valueOf(failure.getMessage()), setup.name());
    }
    return problem;
  }

  /** Answers {@code problem}, unless the response has already begun or the client has left. */
  void answer(HttpServerResponse response, Problem problem) {
    if (response.ended() || response.headWritten() || response.closed()) {
      return;
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
        .end(problem.toJson().toBuffer());
  }
}
