package io.dyninka.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Settings: FLOW and SYSTEMS")
class SettingsTest {

  @Test
  @DisplayName("run both flows by default, each split, all in one JVM and against its twin")
  void bothByDefault() {
    Settings settings = Settings.from(Map.of());

    assertThat(settings.flows()).containsExactly(Flow.SMART_BUILDING, Flow.ORDERS);
    assertThat(settings.systems(Flow.SMART_BUILDING))
        .containsExactly(
            SystemUnderTest.DYNINKA,
            SystemUnderTest.HAND_WRITTEN,
            SystemUnderTest.GATEWAY,
            SystemUnderTest.DYNINKA_COLOCATED);
    // No gateway chain for the orders app: the name is skipped there, not refused.
    assertThat(settings.systems(Flow.ORDERS))
        .containsExactly(
            SystemUnderTest.ORDERS_DYNINKA,
            SystemUnderTest.ORDERS_HAND_WRITTEN,
            SystemUnderTest.ORDERS_COLOCATED);
  }

  @Test
  @DisplayName("run one flow when FLOW names it, with the systems SYSTEMS names")
  void oneFlow() {
    Settings settings =
        Settings.from(
            Map.of("FLOW", "orders", "SYSTEMS", "dyninka candidate", "CANDIDATE_ENV", "A=1"));

    assertThat(settings.flows()).containsExactly(Flow.ORDERS);
    assertThat(settings.systems())
        .containsExactly(SystemUnderTest.ORDERS_DYNINKA, SystemUnderTest.ORDERS_CANDIDATE);
    assertThat(SystemUnderTest.ORDERS_CANDIDATE.twin())
        .isEqualTo(SystemUnderTest.ORDERS_HAND_WRITTEN);
  }

  @Test
  @DisplayName("refuse an unknown flow or system, saying what they may be")
  void unknown() {
    assertThatThrownBy(() -> Settings.from(Map.of("FLOW", "order")))
        .hasMessage("FLOW takes smart-building, orders or both, not 'order'");
    assertThatThrownBy(() -> Settings.from(Map.of("SYSTEMS", "dyninka colocate")))
        .hasMessage(
            "unknown system 'colocate'; known: dyninka, candidate, handwritten, gateway, colocated");
  }
}
