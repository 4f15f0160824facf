package io.dyninka.runtime.observe;

/** How one pull from an upstream ended: the {@code outcome} label of the pull meters. */
public enum PullOutcome {
  /** The upstream answered a value. */
  OK("ok"),
  /** The upstream answered 204: its function filtered the item out. */
  FILTERED("filtered"),
  /** The upstream answered a 4xx problem. */
  CLIENT_ERROR("4xx"),
  /** The upstream answered a 5xx problem. */
  SERVER_ERROR("5xx"),
  /** No answer within the request's deadline. */
  TIMEOUT("timeout"),
  /** No connection, or the connection was lost, after the retries. */
  UNREACHABLE("unreachable"),
  /** Not sent: the upstream's breaker is open after repeated failures. */
  BREAKER_OPEN("breaker_open");

  private static final PullOutcome[] VALUES = values();

  private final String label;

  PullOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome of an answer with {@code status}. */
  public static PullOutcome of(int status) {
    if (status == 204) {
      return FILTERED;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return status >= 400 ? CLIENT_ERROR : OK;
  }

  static PullOutcome[] all() {
    return VALUES;
  }
}
