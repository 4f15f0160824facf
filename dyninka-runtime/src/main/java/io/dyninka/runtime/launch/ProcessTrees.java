package io.dyninka.runtime.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes together with everything they started, so that nothing outlives a run. */
final class ProcessTrees {

  /** How long to wait for the operating system after a SIGKILL. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private ProcessTrees() {}

  /**
   * Asks every process of every tree to stop (SIGTERM), waits up to {@code grace} for all of them
   * together, then kills (SIGKILL) whatever is left.
   */
  static void stop(List<ProcessHandle> roots, Duration grace) {
    // Descendants are found through their parent, so list them before the parent goes away:
    // orphans are re-parented and could no longer be found.
    Set<ProcessHandle> all = withDescendants(roots);
    all.forEach(ProcessHandle::destroy);
    awaitExit(all, grace);
    // A process may have started another one while it was shutting down.
    all.addAll(withDescendants(roots.stream().filter(ProcessHandle::isAlive).toList()));
    List<ProcessHandle> left = all.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    awaitExit(left, KILL_WAIT);
  }

  private static Set<ProcessHandle> withDescendants(List<ProcessHandle> roots) {
    Set<ProcessHandle> all = new LinkedHashSet<>();
    for (ProcessHandle root : roots) {
      all.add(root);
      root.descendants().forEach(all::add);
    }
    return all;
  }

  private static void awaitExit(Iterable<ProcessHandle> processes, Duration timeout) {
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    processes.forEach(p -> exits.add(p.onExit()));
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Whoever is still alive is handled by the caller.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
