package io.dyninka.maven.deploy;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A deploy's wait for its services, the same on every orchestrator: one line of progress ("ready
 * 2/4, waiting for …") each time it changes, a pause between rounds, and past {@code
 * dyninka.deploy.timeout} a failure that says what still waits and where to look.
 */
final class ReadinessWait {

  private final Consumer<String> log;
  private final Duration timeout;
  private final Duration poll;
  private final long deadline;
  private String lastReport = "";

  ReadinessWait(Consumer<String> log, Duration timeout, Duration poll) {
    this.log = log;
    this.timeout = timeout;
    this.poll = poll;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /**
   * Reports one round: true once all {@code total} are ready; false to go on waiting.
   *
   * @param notAll how the failure starts, e.g. "Not every service got ready"
   * @param lookHere where to look, for the failure's last sentence
   * @throws DeployException once the deadline has passed with something still waiting
   */
  boolean settled(
      List<String> ready, List<String> waiting, int total, String notAll, Supplier<String> lookHere)
      throws DeployException {
    String report =
        "ready "
            + ready.size()
            + "/"
            + total
            + (waiting.isEmpty() ? "" : ", waiting for " + String.join(", ", waiting));
    if (!report.equals(lastReport)) {
      log.accept(report);
      lastReport = report;
    }
    if (waiting.isEmpty() && ready.size() >= total) {
      return true;
    }
    if (System.nanoTime() > deadline) {
      throw new DeployException(
          notAll
              + " within "
              + timeout.toSeconds()
              + " s (dyninka.deploy.timeout): still "
              + String.join(", ", waiting)
              + ". "
              + lookHere.get());
    }
    return false;
  }

  /** Waits one poll interval before the next round. */
  void pause(String forWhat) throws DeployException {
    try {
      Thread.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("Interrupted while waiting for " + forWhat);
    }
  }
}
