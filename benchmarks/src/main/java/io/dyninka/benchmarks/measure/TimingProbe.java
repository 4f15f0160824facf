package io.dyninka.benchmarks.measure;

import io.dyninka.benchmarks.client.BlockingHttp;
import io.dyninka.runtime.ServerTiming;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures per-hop overhead from {@code Server-Timing}, which hey cannot read: sequential requests
 * on one keep-alive connection per system, driven and timed on a Vert.x event loop, one system
 * after the other in turn so that all see the same background load. Each answer's end-to-end time
 * minus the process time its services report, divided by the functions the request ran, is the
 * per-hop overhead. Only full-chain (200) answers count: a 204 skips the functions of map and
 * movingAvg, so it has less to divide.
 */
public final class TimingProbe {

  /**
   * Enough for the runner's own client to be compiled, so it does not inflate the first timings.
   */
  private static final int WARMUP_ROUNDS = 2000;

  private final Vertx vertx;
  private final int functions;

  /** {@code functions}: the service hops of a full-chain (200) answer's longest path. */
  public TimingProbe(Vertx vertx, int functions) {
    this.vertx = vertx;
    this.functions = functions;
  }

  /** {@code rounds} requests to each system; the results in the order of {@code entries}. */
  public List<ProbeResult> measure(List<URI> entries, int rounds) {
    return measure(entries, null, rounds);
  }

  /** As {@link #measure(List, int)}, posting {@code json} to each (GET when null). */
  public List<ProbeResult> measure(List<URI> entries, Buffer json, int rounds) {
    List<Samples> samples = new ArrayList<>();
    entries.forEach(e -> samples.add(new Samples(functions)));
    try (BlockingHttp client = new BlockingHttp(vertx)) {
      client.interleave(entries, json, WARMUP_ROUNDS, (target, answer, nanos) -> {});
      // Recorded on the event loop, read here after interleave returns: its completion orders them.
      client.interleave(
          entries, json, rounds, (target, answer, nanos) -> samples.get(target).add(answer, nanos));
    }
    return samples.stream().map(s -> s.result(rounds)).toList();
  }

  /** One system's timings. */
  private static final class Samples {
    final int functions;
    final List<Double> all = new ArrayList<>();
    final List<Double> endToEnd = new ArrayList<>();
    final List<Double> process = new ArrayList<>();
    final List<Double> perHop = new ArrayList<>();

    Samples(int functions) {
      this.functions = functions;
    }

    void add(BlockingHttp.Answer answer, long nanos) {
      double millis = nanos / 1e6;
      all.add(millis);
      if (answer.status() == 200) {
        double processMillis = ServerTiming.totalMillis(ServerTiming.parse(answer.serverTiming()));
        endToEnd.add(millis);
        process.add(processMillis);
        perHop.add((millis - processMillis) / functions);
      }
    }

    ProbeResult result(int requests) {
      return new ProbeResult(
          requests,
          endToEnd.size(),
          median(endToEnd),
          median(process),
          median(perHop),
          perHop.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
          median(all));
    }
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
