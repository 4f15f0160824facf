package io.dyninka.runtime;

import io.dyninka.runtime.RoutePlanner.Pull;
import io.dyninka.runtime.Upstream.Answer;
import io.vertx.core.Completable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;

/**
 * One request on its way through the {@link CallStep}s: what it came with, and what each step
 * leaves for the next. Lives on one event loop, so it needs no locks.
 *
 * <p>A call comes over HTTP, or directly from another service of the same process: then it has no
 * request nor response, its route is given, and it is answered by an {@link Answer} to {@link
 * #direct}.
 */
final class Call {

  /** The HTTP request; null for a direct call. */
  final HttpServerRequest request;

  /** Where an HTTP call is answered; null for a direct call. */
  final HttpServerResponse response;

  /** Where a direct call is answered; null for an HTTP call. */
  final Completable<Answer> direct;

  /** A direct call's route (the caller's {@code Dyninka-Route} rest), null for the manifest's. */
  private final String route;

  /** The body of a POST, forwarded to every upstream; null for a pull. */
  final Buffer body;

  private final ProblemResponder problems;

  /** The request's trace, deadline and pulls in flight; set when it is admitted. */
  RequestScope scope;

  /** The upstreams to pull from; set by the plan. */
  List<Pull> pulls;

  /** What this service does about shared steps; null in an app without any. */
  Sharing sharing;

  /**
   * The outputs of shared steps this call has, by service: handed over in the envelope it came
   * with, and pulled by this service for the steps it shares. Null when {@link #sharing} is.
   */
  Map<String, Buffer> shared;

  /** The client's body, out of its envelope: what a pull that is not into a region forwards. */
  Buffer clientBody;

  /** The answers of the shared steps this service pulled, in the order of its shares. */
  List<Answer> sharedAnswers;

  /** The function's inputs, by parameter; the body input is filled by the plan, the rest later. */
  Object[] arguments;

  /** The single pull's answer, or null when {@link #answers} holds them. */
  Answer answer;

  /** The answers of two or more pulls, in the order of {@link #pulls}. */
  List<Answer> answers;

  /** The Server-Timing entries gathered so far, upstreams first. */
  StringBuilder timing;

  /** What the function produced. */
  FunctionCall.Outcome outcome;

  Call(HttpServerRequest request, Buffer body, ProblemResponder problems) {
    this.request = request;
    this.response = request.response();
    this.direct = null;
    this.route = null;
    this.body = body;
    this.problems = problems;
  }

  /** A direct call, under the caller's {@code scope}: its deadline and trace. */
  Call(
      String route,
      Buffer body,
      RequestScope scope,
      ProblemResponder problems,
      Completable<Answer> direct) {
    this.request = null;
    this.response = null;
    this.direct = direct;
    this.route = route;
    this.body = body;
    this.scope = scope;
    this.problems = problems;
  }

  /** The route this call must follow: its {@code Dyninka-Route}; null for the manifest's. */
  String route() {
    return request == null ? route : request.getHeader(RoutePlanner.HEADER);
  }

  /** The body a pull from {@code service} carries: the client's, or an envelope into a region. */
  Buffer bodyFor(String service) {
    if (sharing == null) {
      return body;
    }
    if (sharing.sendsEnvelopeTo(service) && (!shared.isEmpty() || clientBody != null)) {
      return new SharedEnvelope(shared, clientBody).encode();
    }
    return clientBody;
  }

  /** The answer of pull {@code i}. */
  Answer answer(int i) {
    return answers == null ? answer : answers.get(i);
  }

  /** Hands the call on to {@code step} from a callback: a failure of the step answers the call. */
  void resume(CallStep step) {
    try {
      step.handle(this);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  /** Answers the call with {@code failure}'s problem (a 500 for anything but a problem). */
  void fail(Throwable failure) {
    if (direct == null) {
      problems.fail(response, failure);
      return;
    }
    Problem problem = problems.problemOf(failure);
    direct.succeed(
        new Answer(problem.status(), problem.toJson().toBuffer(), Problem.CONTENT_TYPE, null));
  }
}
