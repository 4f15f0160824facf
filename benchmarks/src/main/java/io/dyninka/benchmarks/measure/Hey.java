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

/**
 * Runs {@code hey}, the paper's load tool, for a fixed duration ({@code GET}, or {@code POST} of a
 * JSON file), and reads its summary or its per-answer CSV.
 */
public final class Hey {

  private final Path log;
  private volatile Process current;

  /** Every run's full output is appended to {@code log}, for whoever doubts a number. */
  public Hey(Path log) {
    this.log = log;
  }

  /** {@code GET url} by {@code workers} for {@code duration}: hey's summary. */
  public HeyReport run(URI url, int workers, boolean keepAlive, Duration duration) {
    return run(url, null, workers, keepAlive, duration);
  }

  /**
   * As {@link #run(URI, int, boolean, Duration)}, posting {@code body} (a JSON file) if not null.
   */
  public HeyReport run(URI url, Path body, int workers, boolean keepAlive, Duration duration) {
    return HeyReport.parse(execute(command(url, body, workers, keepAlive, duration), duration));
  }

  /**
   * As {@link #run(URI, Path, int, boolean, Duration)}, but every answer's timing instead of the
   * summary ({@code -o csv}): how throughput rose, second by second, from the first request.
   */
  public HeyTimeline timeline(
      URI url, Path body, int workers, boolean keepAlive, Duration duration) {
    List<String> command = command(url, body, workers, keepAlive, duration);
    command.addAll(command.size() - 1, List.of("-o", "csv"));
    return HeyTimeline.parse(execute(command, duration));
  }

  private static List<String> command(
      URI url, Path body, int workers, boolean keepAlive, Duration duration) {
    List<String> command =
        new ArrayList<>(
            List.of("hey", "-z", GoDuration.format(duration), "-c", Integer.toString(workers)));
    if (!keepAlive) {
      command.add("-disable-keepalive");
    }
    if (body != null) {
      command.addAll(List.of("-m", "POST", "-D", body.toString(), "-T", "application/json"));
    }
    command.add(url.toString());
    return command;
  }

  private String execute(List<String> command, Duration duration) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      current = process;
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      boolean csv = command.contains("csv");
      Files.writeString(
          log,
          "$ "
              + String.join(" ", command)
              + "\n"
              + (csv ? "(" + output.lines().count() + " lines of CSV)" : output)
              + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return output;
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
