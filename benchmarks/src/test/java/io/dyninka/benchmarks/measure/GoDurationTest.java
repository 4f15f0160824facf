package io.dyninka.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("GoDuration")
class GoDurationTest {

  @Test
  @DisplayName("reads the forms hey -z takes")
  void parses() {
    assertThat(GoDuration.parse("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse(" 2m ")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("writes whole seconds as seconds, the rest as milliseconds")
  void formats() {
    assertThat(GoDuration.format(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "15", "s", "15 s", "0s", "1.5s", "15sec"})
  @DisplayName("refuses anything else, naming the value")
  void refuses(String text) {
    assertThatThrownBy(() -> GoDuration.parse(text)).hasMessageContaining("'" + text + "'");
  }
}
