package io.dyninka.benchmarks.run;

import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.launch.RunningService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One started system: its processes, where clients call it, what it is posted (null: {@code GET}),
 * and how long it took to be ready.
 */
record RunningSystem(
    SystemUnderTest system,
    RunningApp app,
    URI entry,
    java.nio.file.Path body,
    Duration startup,
    BufferedWriter log)
    implements AutoCloseable {

  /**
   * Each process's id, head first, named as its service, or as its group when it hosts several
   * (co-located): each process once, so that CPU and RSS are not counted twice.
   */
  Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (RunningService service : app.services()) {
      pids.putIfAbsent(app.groupOf(service.name()), service.pid());
    }
    return pids;
  }

  @Override
  public void close() {
    app.close();
    try {
      log.close();
    } catch (IOException e) {
      // The services' log is a convenience; losing its tail loses no result.
    }
  }
}
