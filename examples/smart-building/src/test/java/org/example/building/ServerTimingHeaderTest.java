package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ServerTimingHeader")
class ServerTimingHeaderTest {

  @Test
  @DisplayName("reads one entry per traversed service")
  void entries() {
    ServerTimingHeader timing =
        ServerTimingHeader.parse(
            "get;dur=0.120, filterTemperature;dur=0.031,map;dur=0.010, movingAvg;dur=0.040");
    assertThat(timing.entries())
        .extracting(ServerTimingHeader.Entry::service)
        .containsExactly("get", "filterTemperature", "map", "movingAvg");
    assertThat(timing.hops()).isEqualTo(4);
    assertThat(timing.processMillis()).isCloseTo(0.201, within(1e-9));
  }

  @Test
  @DisplayName("takes dur among other parameters, and skips entries without one")
  void otherParameters() {
    ServerTimingHeader timing =
        ServerTimingHeader.parse("cache;desc=\"hit\", get;desc=x;dur=1.5, bad;dur=fast");
    assertThat(timing.entries()).containsExactly(new ServerTimingHeader.Entry("get", 1.5));
  }

  @Test
  @DisplayName("a missing header is no hop")
  void missing() {
    assertThat(ServerTimingHeader.parse(null).hops()).isZero();
    assertThat(ServerTimingHeader.parse("").hops()).isZero();
  }
}
