package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DemoOptions")
class DemoOptionsTest {

  @Test
  @DisplayName("defaults to 3000 requests, 4 in flight")
  void defaults() {
    DemoOptions options = DemoOptions.from(new String[0], new Properties());
    assertThat(options.requests()).isEqualTo(3000);
    assertThat(options.concurrency()).isEqualTo(4);
    assertThat(options.seed()).isEqualTo(SensorDataset.DEFAULT_SEED);
    assertThat(options.csv()).isEqualTo(Path.of("target/urban-observatory-2021-03.csv"));
  }

  @Test
  @DisplayName("arguments win over system properties")
  void argumentsWin() {
    Properties props = new Properties();
    props.setProperty("demo.requests", "10");
    props.setProperty("demo.concurrency", "2");
    props.setProperty("demo.seed", "9");
    DemoOptions options = DemoOptions.from(new String[] {"500"}, props);
    assertThat(options.requests()).isEqualTo(500);
    assertThat(options.concurrency()).isEqualTo(2);
    assertThat(options.seed()).isEqualTo(9);
  }

  @Test
  @DisplayName("names the bad setting")
  void badSetting() {
    Properties props = new Properties();
    props.setProperty("demo.concurrency", "many");
    assertThatThrownBy(() -> DemoOptions.from(new String[0], props))
        .hasMessageContaining("demo.concurrency");
    assertThatThrownBy(() -> DemoOptions.from(new String[] {"0"}, new Properties()))
        .hasMessageContaining("demo.requests");
  }
}
