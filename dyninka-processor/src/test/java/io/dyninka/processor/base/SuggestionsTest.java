package io.dyninka.processor.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Suggestions")
class SuggestionsTest {

  @Test
  @DisplayName("suggests the known name one typo away, the nearest first")
  void typo() {
    assertThat(Suggestions.closest("velocityy", List.of("score", "velocity", "velocities")))
        .contains("velocity");
    assertThat(Suggestions.closest("moveingAvg", List.of("movingAvg", "map")))
        .contains("movingAvg");
  }

  @Test
  @DisplayName("suggests nothing for a name that is not close to any")
  void farAway() {
    assertThat(Suggestions.closest("nope", List.of("count", "peek", "reset"))).isEmpty();
    assertThat(Suggestions.closest("x", List.of())).isEmpty();
  }
}
