package io.dyninka.runtime.launch;

import java.util.List;

/**
 * An app that could not be started locally. When it is thrown, every process the launch had started
 * has already been stopped.
 */
public final class LaunchException extends RuntimeException {

  /** What went wrong, so that a caller can point at the setting to change. */
  public enum Reason {
    /** The launch options or the manifest cannot start anything (no service, no main class…). */
    INVALID,
    /** The operating system could not start the {@code java} process. */
    NOT_STARTED,
    /** A service process exited before it answered {@code /health/ready}. */
    EXITED,
    /** A service did not answer {@code /health/ready} with 200 within the readiness timeout. */
    NOT_READY
  }

  private final Reason reason;
  private final String service;
  private final List<String> lastLines;

  /** A failure of {@code service}, with the last lines it printed appended to the message. */
  public LaunchException(Reason reason, String service, String message, List<String> lastLines) {
    super(message + outputTail(lastLines));
    this.reason = reason;
    this.service = service;
    this.lastLines = List.copyOf(lastLines);
  }

  /** A failure with a cause; {@code service} and {@code cause} may be {@code null}. */
  public LaunchException(Reason reason, String service, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.service = service;
    this.lastLines = List.of();
  }

  public Reason reason() {
    return reason;
  }

  /** The service that failed, or {@code null} when the failure is not one service's. */
  public String service() {
    return service;
  }

  /** The last lines the failed service printed, oldest first; empty when it printed nothing. */
  public List<String> lastLines() {
    return lastLines;
  }

  private static String outputTail(List<String> lines) {
    if (lines.isEmpty()) {
      return " It printed nothing.";
    }
    return " Its last output lines:\n  " + String.join("\n  ", lines);
  }
}
