package io.dyninka.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * Samples the machine's 1-minute load average while the benchmark runs, so the report can say how
 * busy the machine was with other work: the numbers of a run on a shared machine mean little
 * without it.
 */
public final class LoadAverage implements AutoCloseable {

  private static final long PERIOD_MS = 5_000;

  private final List<Double> samples = new ArrayList<>();
  private final Thread thread = new Thread(this::sample, "load-average");
  private volatile boolean running = true;

  public LoadAverage() {
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      try {
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        synchronized (samples) {
          samples.add(load);
        }
        Thread.sleep(PERIOD_MS);
      } catch (IOException | NumberFormatException e) {
        return;
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public DoubleSummaryStatistics statistics() {
    synchronized (samples) {
      return samples.stream().mapToDouble(Double::doubleValue).summaryStatistics();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
