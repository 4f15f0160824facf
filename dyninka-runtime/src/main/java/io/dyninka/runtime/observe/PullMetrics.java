package io.dyninka.runtime.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The meters of the pulls from one upstream service: a timer per outcome, built when the upstream
 * is first pulled so that recording one is an array lookup, and the state of its breakers.
 */
public final class PullMetrics {

  /** {@code dyninka_pull_duration_seconds}: a histogram per upstream and outcome. */
  static final String DURATION = "dyninka.pull.duration";

  /** {@code dyninka_upstream_breaker_state}: 0 closed, 1 open, 2 half-open. */
  static final String BREAKER = "dyninka.upstream.breaker.state";

  static final int CLOSED = 0;
  static final int OPEN = 1;
  static final int HALF_OPEN = 2;

  private final Timer[] byOutcome;
  private final List<IntSupplier> breakers = new CopyOnWriteArrayList<>();

  PullMetrics(MeterRegistry registry, String upstream) {
    PullOutcome[] outcomes = PullOutcome.all();
    byOutcome = new Timer[outcomes.length];
    for (PullOutcome outcome : outcomes) {
      byOutcome[outcome.ordinal()] =
          Timer.builder(DURATION)
              .description("Pulls from an upstream service, by outcome")
              .tags("upstream", upstream, "outcome", outcome.label())
              .serviceLevelObjectives(ServiceMetrics.BUCKETS)
              .register(registry);
    }
    Gauge.builder(BREAKER, this, PullMetrics::breakerState)
        .description("The upstream's circuit breaker: 0 closed, 1 open, 2 half-open")
        .tag("upstream", upstream)
        .register(registry);
  }

  /** Reads the meters once, so that their classes are loaded before the first pull. */
  void warm() {
    byOutcome[PullOutcome.OK.ordinal()].takeSnapshot();
  }

  public void record(PullOutcome outcome, long nanos) {
    byOutcome[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Watches one breaker of this upstream (each event loop has its own), by a state as {@link
   * #breakerState} reports it.
   */
  public void watchBreaker(IntSupplier state) {
    breakers.add(state);
  }

  /** The worst of the breakers: open if any is open, else half-open if any is, else closed. */
  private double breakerState() {
    int worst = CLOSED;
    for (IntSupplier breaker : breakers) {
      int state = breaker.getAsInt();
      if (state == OPEN) {
        return OPEN;
      }
      if (state == HALF_OPEN) {
        worst = HALF_OPEN;
      }
    }
    return worst;
  }
}
