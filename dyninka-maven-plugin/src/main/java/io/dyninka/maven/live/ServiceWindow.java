package io.dyninka.maven.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The successive scrapes of one service over the last window: rates and percentiles are the
 * difference between the newest scrape and the one a window before, as PromQL's {@code rate} and
 * {@code histogram_quantile} compute them.
 */
final class ServiceWindow {

  private final Duration window;
  private final Deque<Scrape> scrapes = new ArrayDeque<>();

  ServiceWindow(Duration window) {
    this.window = window;
  }

  /** Adds the newest scrape, forgetting those no longer needed to span the window. */
  synchronized void add(Scrape scrape) {
    scrapes.addLast(scrape);
    // Keep the newest scrape that is at least a window old: the window's start.
    while (scrapes.size() > 2) {
      Scrape second = scrapes.stream().skip(1).findFirst().orElseThrow();
      if (scrape.nanos() - second.nanos() >= window.toNanos()) {
        scrapes.removeFirst();
      } else {
        break;
      }
    }
  }

  /** The numbers of the page, or {@code null} before the first scrape. */
  synchronized ServiceStats stats(String service) {
    if (scrapes.isEmpty()) {
      return null;
    }
    Scrape last = scrapes.getLast();
    Scrape first = scrapes.getFirst();
    double seconds = (last.nanos() - first.nanos()) / 1e9;
    double requests = last.requests() - first.requests();
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (Map.Entry<Double, Double> b : last.buckets().entrySet()) {
      buckets.put(b.getKey(), b.getValue() - first.buckets().getOrDefault(b.getKey(), 0.0));
    }
    return new ServiceStats(
        service,
        last.requests(),
        last.clientErrors(),
        last.serverErrors(),
        seconds > 0 ? requests / seconds : 0,
        seconds,
        quantile(0.5, buckets),
        quantile(0.99, buckets),
        requests > 0 ? (last.clientErrors() - first.clientErrors()) / requests : 0,
        requests > 0 ? (last.serverErrors() - first.serverErrors()) / requests : 0,
        last.inFlight());
  }

  /**
   * The {@code q}-quantile of cumulative bucket counts, interpolated linearly inside its bucket as
   * {@code histogram_quantile} does; {@code NaN} when the window saw no request.
   */
  static double quantile(double q, TreeMap<Double, Double> cumulative) {
    if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
      return Double.NaN;
    }
    double rank = q * cumulative.lastEntry().getValue();
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = b.getValue() - lowerCount;
        return inBucket <= 0
            ? b.getKey()
            : lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = b.getKey();
      lowerCount = b.getValue();
    }
    return lowerBound;
  }
}
