package io.dyninka.runtime;

/**
 * One step of a call's path through a service: it does its part and hands the call to the step
 * after it, or answers the call itself. A step is built once per verticle, knows the step after it,
 * and is shared by every request of that verticle; what belongs to one request travels in the
 * {@link Call}, so the chain costs no allocation per request.
 *
 * <p>A step may throw a {@link ProblemException} (or any exception) while it runs on the caller's
 * turn: the call is then answered with that problem. A step that resumes later, from a callback,
 * hands on with {@link Call#resume}, which does the same.
 */
interface CallStep {

  void handle(Call call);
}
