package io.dyninka.benchmarks.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code hey}, the paper's load tool, for a fixed duration, and reads its summary. */
public final class Hey {

  private final Path log;
  private volatile Process current;

  /** Every run's full output is appended to {@code log}, for whoever doubts a number. */
  public Hey(Path log) {
    this.log = log;
  }

  public HeyReport run(URI url, int workers, boolean keepAlive, Duration duration) {
    List<String> command =
        new ArrayList<>(
            List.of("hey", "-z", GoDuration.format(duration), "-c", Integer.toString(workers)));
    if (!keepAlive) {
      command.add("-disable-keepalive");
    }
    command.add(url.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      current = process;
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.writeString(
          log,
          "$ " + String.join(" ", command) + "\n" + output + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return HeyReport.parse(output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run hey (is it installed? run.sh installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hey ran", e);
    } finally {
      current = null;
    }
  }

  /** Stops a run in progress, from a shutdown hook. */
  public void stop() {
    Process process = current;
    if (process != null) {
      process.destroyForcibly();
    }
  }
}
