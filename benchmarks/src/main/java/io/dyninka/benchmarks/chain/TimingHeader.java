package io.dyninka.benchmarks.chain;

/**
 * The {@code Server-Timing} header the baselines answer with, in Dyninka's format ({@code
 * name;dur=0.123}), so that the runner computes every system's per-hop overhead the same way. It
 * copies upstream entries as they come: a hand-written chain trusts its own services.
 */
public final class TimingHeader {

  public static final String NAME = "Server-Timing";

  private TimingHeader() {}

  /** {@code upstream} (may be null or empty) followed by this service's entry. */
  public static String append(String upstream, String service, long nanos) {
    StringBuilder s = new StringBuilder(upstream == null ? 32 : upstream.length() + 32);
    if (upstream != null && !upstream.isEmpty()) {
      s.append(upstream).append(", ");
    }
    long micros = nanos / 1_000;
    long fraction = micros % 1_000;
    s.append(service).append(";dur=").append(micros / 1_000).append('.');
    if (fraction < 100) {
      s.append('0');
    }
    if (fraction < 10) {
      s.append('0');
    }
    return s.append(fraction).toString();
  }
}
