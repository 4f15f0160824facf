package io.dyninka.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ServerTimingEntries")
class ServerTimingEntriesTest {

  @Test
  @DisplayName("sums the dur of every entry")
  void sums() {
    ServerTimingEntries.Sum sum =
        ServerTimingEntries.sum(
            "get;dur=0.120, filterTemperature;dur=0.031, map;dur=0.004, movingAvg;dur=0.010");

    assertThat(sum.entries()).isEqualTo(4);
    assertThat(sum.millis()).isCloseTo(0.165, within(1e-9));
  }

  @Test
  @DisplayName("skips entries without a readable dur, and a missing header")
  void skips() {
    assertThat(ServerTimingEntries.sum("cache;desc=hit, db;dur=abc, app;dur=1.5").entries())
        .isEqualTo(1);
    assertThat(ServerTimingEntries.sum(null).entries()).isZero();
  }
}
