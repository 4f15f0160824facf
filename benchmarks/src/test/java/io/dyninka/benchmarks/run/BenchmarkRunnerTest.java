package io.dyninka.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The warm-up's steadiness rule")
class BenchmarkRunnerTest {

  @Test
  @DisplayName("calls rounds steady when each is within 5% of their mean")
  void steady() {
    assertThat(BenchmarkRunner.steady(List.of(1000.0, 1040.0, 980.0))).isTrue();
    assertThat(BenchmarkRunner.steady(List.of(700.0, 1000.0, 1050.0))).isFalse();
    assertThat(BenchmarkRunner.steady(List.of(0.0, 0.0, 0.0))).isFalse();
  }
}
