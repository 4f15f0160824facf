package io.dyninka.runtime.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.runtime.HostConfig;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tracing")
class TracingSettingsTest {

  @Test
  @DisplayName("is off, with no SDK at all, without an OTLP endpoint or with OTEL_SDK_DISABLED")
  void offWithoutEndpoint() {
    assertThat(Tracing.start("map", Map.of())).isNull();
    assertThat(Tracing.start("map", Map.of("OTEL_SERVICE_NAME", "x"))).isNull();
    assertThat(
            Tracing.start(
                "map",
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                    "OTEL_SDK_DISABLED", "TRUE")))
        .isNull();
  }

  @Test
  @DisplayName("refuses settings the SDK cannot use, naming the service")
  void badSettings() {
    HostConfig config =
        HostConfig.defaults(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318",
                "OTEL_TRACES_SAMPLER", "sometimes"));

    assertThatThrownBy(() -> Observability.start("map", java.util.List.of(), config, () -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the OTEL_* settings of service map are not usable: ")
        .hasMessageContaining("sometimes");
  }
}
