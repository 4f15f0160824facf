package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoadStats")
class LoadStatsTest {

  private static final long MS = 1_000_000;

  @Test
  @DisplayName("per-hop overhead is end-to-end time minus the services' time, over the hops")
  void hopOverhead() {
    LoadStats stats = new LoadStats(2, 2);
    stats.answered(200, "a;dur=1.0, b;dur=2.0", "{\"average\":21.5,\"count\":1}", 5 * MS);
    stats.answered(204, "a;dur=0.5, b;dur=0.5", "", 3 * MS);

    // (5 + 3 - 1 - 2 - 0.5 - 0.5) ms over 4 hops
    assertThat(stats.meanHopOverheadMillis()).isCloseTo(1.0, within(1e-9));
    assertThat(stats.meanHops()).isEqualTo(2.0);
    assertThat(stats.meanLatencyMillis()).isCloseTo(4.0, within(1e-9));
    assertThat(stats.averaged()).isEqualTo(1);
    assertThat(stats.filtered()).isEqualTo(1);
    assertThat(stats.done()).isEqualTo(2);
  }

  @Test
  @DisplayName("a 204 whose header stops at the filtering service still crosses the whole chain")
  void filteredAnswerHops() {
    LoadStats stats = new LoadStats(1, 4);
    stats.answered(204, "get;dur=1.0, filterTemperature;dur=1.0", "", 6 * MS);
    assertThat(stats.meanHops()).isEqualTo(4.0);
    assertThat(stats.meanHopOverheadMillis()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  @DisplayName("the latest average is the one with the largest count, whatever the arrival order")
  void latestAverage() {
    LoadStats stats = new LoadStats(3, 2);
    stats.answered(200, null, "{\"average\":21.0,\"count\":2}", MS);
    stats.answered(200, null, "{\"average\":20.0,\"count\":1}", MS);
    assertThat(stats.latest()).isEqualTo(new Average(21.0, 2));
    assertThat(stats.meanHopOverheadMillis()).isNaN();
  }

  @Test
  @DisplayName("keeps the first failure to report")
  void failures() {
    LoadStats stats = new LoadStats(2, 2);
    stats.answered(502, null, "{\"title\":\"upstream unreachable\"}", MS);
    stats.failed("ConnectException: refused");
    assertThat(stats.failed()).isEqualTo(2);
    assertThat(stats.firstFailure()).isEqualTo("HTTP 502: {\"title\":\"upstream unreachable\"}");
  }
}
