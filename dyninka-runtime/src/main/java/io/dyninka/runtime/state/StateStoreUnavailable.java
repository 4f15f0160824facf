package io.dyninka.runtime.state;

/** The state store did not answer, or answered an error: the invocation commits nothing. */
public final class StateStoreUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StateStoreUnavailable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
