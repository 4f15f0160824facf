package io.dyninka.runtime.launch;

import java.util.List;

/**
 * A service process that has exited.
 *
 * @param service the service name
 * @param exitCode the process exit code (143 after a SIGTERM, 137 after a SIGKILL)
 * @param lastLines the last lines it printed, oldest first
 */
public record ServiceExit(String service, int exitCode, List<String> lastLines) {

  public ServiceExit {
    lastLines = List.copyOf(lastLines);
  }
}
