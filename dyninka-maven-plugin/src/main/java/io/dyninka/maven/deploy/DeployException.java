package io.dyninka.maven.deploy;

import java.util.List;

/**
 * A deploy or undeploy failed. The message says what to fix, which objects had been applied, and
 * that they were rolled back.
 */
public class DeployException extends Exception {

  private final List<String> applied;

  public DeployException(String message, List<String> applied, Throwable cause) {
    super(message, cause);
    this.applied = List.copyOf(applied);
  }

  public DeployException(String message) {
    this(message, List.of(), null);
  }

  /** The objects applied before the failure (and rolled back since), as {@code Kind/name}. */
  public List<String> applied() {
    return applied;
  }
}
