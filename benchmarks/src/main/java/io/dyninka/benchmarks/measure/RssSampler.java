package io.dyninka.benchmarks.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/** Samples the RSS of a few processes every 250 ms while a load runs, and keeps each one's peak. */
public final class RssSampler implements AutoCloseable {

  private static final long PERIOD_MS = 250;

  private final Map<String, Long> pids;
  private final Map<String, Long> peaks = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private RssSampler(Map<String, Long> pids) {
    this.pids = pids;
    pids.keySet().forEach(name -> peaks.put(name, -1L));
    this.thread = new Thread(this::sample, "rss-sampler");
    thread.setDaemon(true);
  }

  public static RssSampler start(Map<String, Long> pids) {
    RssSampler sampler = new RssSampler(pids);
    sampler.thread.start();
    return sampler;
  }

  private void sample() {
    while (running) {
      synchronized (peaks) {
        pids.forEach((name, pid) -> peaks.merge(name, Rss.kib(pid), Math::max));
      }
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The peak of each process, in KiB, so far. */
  public Map<String, Long> peaks() {
    synchronized (peaks) {
      return new LinkedHashMap<>(peaks);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
