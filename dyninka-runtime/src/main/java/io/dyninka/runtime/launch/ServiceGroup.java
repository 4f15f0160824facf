package io.dyninka.runtime.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service processes of one launch, stopped together exactly once, from whichever comes first:
 * {@link RunningApp#close()}, a failed start, or the JVM shutdown hook.
 */
final class ServiceGroup {

  private static final Duration OUTPUT_DRAIN_WAIT = Duration.ofSeconds(2);

  private final Duration stopGracePeriod;
  private final List<ServiceProcess> services = new ArrayList<>();
  private boolean stopping;

  ServiceGroup(Duration stopGracePeriod) {
    this.stopGracePeriod = stopGracePeriod;
  }

  /** Adds a started service; if the group is already stopping (Ctrl-C), stops it right away. */
  synchronized void add(ServiceProcess service) {
    services.add(service);
    if (stopping) {
      ProcessTrees.stop(List.of(service.process().toHandle()), stopGracePeriod);
    }
  }

  synchronized List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  synchronized boolean isStopping() {
    return stopping;
  }

  /**
   * Stops every process and its descendants, and returns once they are gone and their output has
   * reached the log sink. Later calls wait for the first one and do nothing more.
   */
  synchronized void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    ProcessTrees.stop(services.stream().map(s -> s.process().toHandle()).toList(), stopGracePeriod);
    // The last lines ("stopped") are still in the pipes: let them reach the sink.
    services.forEach(ServiceGroup::awaitOutputEnd);
  }

  private static void awaitOutputEnd(ServiceProcess service) {
    try {
      service.exit().get(OUTPUT_DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The process is gone; a descendant holding the pipe open may keep the pump reading.
    }
  }
}
