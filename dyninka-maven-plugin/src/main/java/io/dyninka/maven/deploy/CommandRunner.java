package io.dyninka.maven.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line: the seam between the podman deployer and the podman binary. */
public interface CommandRunner {

  /** The exit code and combined output of a command. */
  record Result(int exitCode, String output) {}

  Result run(List<String> command, Duration timeout) throws IOException, InterruptedException;

  /** Runs real processes. */
  static CommandRunner processes() {
    return (command, timeout) -> {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      // Read before waiting: a full pipe would block the command.
      byte[] out;
      try (var in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(124, command.get(0) + " timed out after " + timeout);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    };
  }
}
