package io.dyninka.runtime;

/**
 * Ends a request with a problem answer, inside the runtime. It carries no stack trace of its own:
 * it is an expected outcome, and a failure of user code keeps the user's exception as its cause.
 *
 * <p>Not API: a user's function does not choose its problem. Whatever it throws is answered as
 * {@link ProblemType#FUNCTION_FAILED}, so that every {@code type} a client sees is one of the
 * runtime's catalogue and means what the catalogue says.
 */
final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    this(problem, null);
  }

  /** A problem caused by {@code cause}, such as an exception thrown by the user's function. */
  public ProblemException(Problem problem, Throwable cause) {
    super(problem.title() + ": " + problem.detail(), cause, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
