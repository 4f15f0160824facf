package org.example.building;

import io.dyninka.Dyninka;
import io.dyninka.Flow;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.ServiceHost;
import io.dyninka.runtime.launch.LaunchException;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.launch.ServiceExit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The smart-building demo, end to end on one machine: generates the month of sensor data, serves it
 * from a sensor endpoint, starts the four services of the app as separate JVMs, drives requests
 * through them, and checks the distributed average against {@link Flow#runLocal} on the same rows.
 *
 * <p>Run it with {@code mvn exec:exec} in this module (see the README); exits 0 when every request
 * was answered and both averages agree, 1 otherwise, 2 on a bad setting.
 */
public final class Demo {

  static final String APP = "smart-building";

  /** How close the distributed and the local average must be; they differ by summation order. */
  static final double TOLERANCE = 1e-9;

  private final DemoOptions options;
  private final PrintStream out;
  private final PrintStream err;

  Demo(DemoOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.from(args, System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Exit explicitly: a thread left behind by a failure must not keep the JVM alive.
    System.exit(new Demo(options, System.out, System.err).run());
  }

  /**
   * Runs the demo once and stops everything it started, whatever happens; returns the exit code.
   */
  int run() {
    Path logFile = options.csv().toAbsolutePath().resolveSibling("demo-services.log");
    ServiceLog log;
    try {
      log = new ServiceLog(logFile);
    } catch (IOException e) {
      err.println("demo failed: cannot write the service log " + logFile + ": " + describe(e));
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    // get() and runLocal then use this Vert.x rather than creating a second one.
    Dyninka.bind(vertx);
    SensorServer sensor = null;
    RunningApp app = null;
    try {
      List<SensorRow> rows = dataset();
      sensor = SensorServer.start(vertx, rows, "127.0.0.1", 0).await();
      out.println("sensor endpoint  " + sensor.url() + " (one row per GET, cycling)");

      AppManifest manifest = ServiceHost.loadManifest(APP);
      out.printf("starting %d services, their output to %s%n", manifest.services().size(), logFile);
      app =
          LocalLauncher.builder()
              .environment(Map.of("SENSOR_URL", sensor.url()))
              .logSink(log)
              .build()
              .start(manifest);
      out.println();
      out.print(app.table());
      out.println();

      LoadStats stats = drive(vertx, app);
      Average reference = null;
      if (stats.failed() == 0) {
        out.println(
            "running the same flow with Flow.runLocal over the same "
                + sensor.served()
                + " rows ...");
        reference = reference(vertx, rows, sensor.served());
      }
      return summarize(stats, sensor.served(), reference, app, log);
    } catch (LaunchException e) {
      err.println("demo failed: the services did not start: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("demo failed: " + describe(e));
      printTail(log);
      return 1;
    } finally {
      stop(app, sensor, vertx);
      log.close();
    }
  }

  private List<SensorRow> dataset() throws Exception {
    List<SensorRow> rows = SensorDataset.generate(options.seed());
    SensorCsv.write(rows, options.csv());
    long temperatures =
        rows.stream().filter(r -> SensorDataset.TEMPERATURE.equals(r.variable())).count();
    out.printf(
        Locale.ROOT,
        "data set         %d rows, %s .. %s, %d Temperature (%.1f%%), seed %d%n"
            + "                 written to %s%n",
        rows.size(),
        rows.get(0).timestamp().toLocalDate(),
        rows.get(rows.size() - 1).timestamp().toLocalDate(),
        temperatures,
        100.0 * temperatures / rows.size(),
        options.seed(),
        options.csv().toAbsolutePath());
    return rows;
  }

  private LoadStats drive(Vertx vertx, RunningApp app) throws InterruptedException {
    out.printf(
        Locale.ROOT,
        "sending %d requests to %s, %d in flight%n",
        options.requests(),
        app.entryUrl(),
        options.concurrency());
    LoadGenerator load =
        new LoadGenerator(
            vertx,
            app.entryUrl(),
            options.requests(),
            options.concurrency(),
            app.services().size());
    ProgressLine progress = new ProgressLine(out, System.console() != null);
    Future<LoadStats> done = load.run();
    while (!done.isComplete()) {
      progress.update(load.stats());
      Thread.sleep(100);
    }
    progress.finish(load.stats());
    return load.stats();
  }

  /**
   * The same flow, in this JVM, over the same rows: a fresh sensor endpoint replays them from the
   * first, and the flow runs once per row the distributed run consumed.
   */
  private Average reference(Vertx vertx, List<SensorRow> rows, long served)
      throws TimeoutException {
    SensorServer replay = SensorServer.start(vertx, rows, "127.0.0.1", 0).await();
    String previousUrl = System.setProperty("sensor.url", replay.url());
    // This JVM plays the movingAvg service once, from a clean state.
    SmartBuilding.average = 0;
    SmartBuilding.count = 0;
    try {
      Flow<Average> flow = SmartBuilding.building();
      Average last = null;
      for (long i = 0; i < served; i++) {
        Average next = flow.runLocal(null).await(30, TimeUnit.SECONDS);
        last = next == null ? last : next;
      }
      return last;
    } finally {
      if (previousUrl == null) {
        System.clearProperty("sensor.url");
      } else {
        System.setProperty("sensor.url", previousUrl);
      }
      replay.close().await();
    }
  }

  private int summarize(
      LoadStats stats, long served, Average reference, RunningApp app, ServiceLog log) {
    Average result = stats.latest();
    boolean answeredAll = stats.failed() == 0 && stats.done() == options.requests();
    boolean matches = answeredAll && sameAverage(result, reference);
    out.println();
    out.println("summary");
    row("rows requested", stats.done() + " (the sensor endpoint served " + served + ")");
    row("temperature (200)", Long.toString(stats.averaged()));
    row("filtered out (204)", Long.toString(stats.filtered()));
    row("failed", Long.toString(stats.failed()));
    row("final average", format(result));
    if (answeredAll) {
      row("runLocal reference", format(reference) + (matches ? "  (match)" : "  (MISMATCH)"));
    }
    row(
        "throughput",
        String.format(
            Locale.ROOT,
            "%.0f req/s (%.2f s, %d in flight)",
            stats.requestsPerSecond(),
            stats.elapsedSeconds(),
            options.concurrency()));
    row(
        "latency",
        String.format(Locale.ROOT, "%.2f ms mean, end to end", stats.meanLatencyMillis()));
    row(
        "per-hop overhead",
        Double.isNaN(stats.meanHopOverheadMillis())
            ? "n/a (no Server-Timing header in the answers)"
            : String.format(
                Locale.ROOT,
                "%.3f ms mean over %.1f hops (end to end minus the services' Server-Timing)",
                stats.meanHopOverheadMillis(),
                stats.meanHops()));

    if (!answeredAll) {
      err.println();
      err.println(
          "demo failed: "
              + stats.failed()
              + " of "
              + stats.done()
              + " requests got no answer"
              + (stats.firstFailure() == null ? "" : "; the first: " + stats.firstFailure()));
      exitedService(app)
          .ifPresent(
              exit ->
                  err.println(
                      "service " + exit.service() + " exited with code " + exit.exitCode()));
      printTail(log);
      return 1;
    }
    if (!matches) {
      err.println();
      err.println(
          "demo failed: the services' average "
              + format(result)
              + " differs from runLocal's "
              + format(reference));
      return 1;
    }
    return 0;
  }

  private void row(String label, String value) {
    out.printf(Locale.ROOT, "  %-20s %s%n", label, value);
  }

  private static boolean sameAverage(Average a, Average b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.count() == b.count() && Math.abs(a.average() - b.average()) <= TOLERANCE;
  }

  private static String format(Average average) {
    return average == null
        ? "none (no temperature reading)"
        : String.format(
            Locale.ROOT, "%.6f Celsius over %d readings", average.average(), average.count());
  }

  private static Optional<ServiceExit> exitedService(RunningApp app) {
    CompletableFuture<ServiceExit> exit = app.unexpectedExit();
    return exit.isDone() && !exit.isCancelled() && !exit.isCompletedExceptionally()
        ? Optional.of(exit.join())
        : Optional.empty();
  }

  private void printTail(ServiceLog log) {
    List<String> tail = log.tail();
    if (!tail.isEmpty()) {
      err.println("last lines of the services (all in " + log.file() + "):");
      tail.forEach(line -> err.println("  " + line));
    }
  }

  /** Stops in reverse order of start; each step runs even if an earlier one fails. */
  private void stop(RunningApp app, SensorServer sensor, Vertx vertx) {
    if (app != null) {
      try {
        app.close();
      } catch (RuntimeException e) {
        err.println("warning: stopping the services: " + describe(e));
      }
    }
    try {
      if (sensor != null) {
        sensor.close().await();
      }
      vertx.close().await();
    } catch (RuntimeException e) {
      err.println("warning: stopping Vert.x: " + describe(e));
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
