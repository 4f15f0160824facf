package io.dyninka.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {

  @Test
  @DisplayName("defaults keep a small service JVM small without giving up C2")
  void defaults() {
    assertThat(JvmFlags.defaults().flags())
        .contains("-XX:+UseSerialGC", "-XX:MaxRAM=1g", "-Xss512k")
        .noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"));
  }

  @Test
  @DisplayName("parses a command-line string on whitespace")
  void parse() {
    assertThat(JvmFlags.parse("  -Xmx64m   -Dgreeting=hi\t-ea ").flags())
        .containsExactly("-Xmx64m", "-Dgreeting=hi", "-ea");
    assertThat(JvmFlags.parse("").flags()).isEmpty();
    assertThat(JvmFlags.parse(null).flags()).isEmpty();
  }

  @Test
  @DisplayName("appends later flags, which override the defaults")
  void with() {
    JvmFlags flags = JvmFlags.defaults().with("-Xmx64m");
    assertThat(flags.flags()).endsWith("-Xmx64m").startsWith("-XX:+UseSerialGC");
    assertThat(flags).hasToString(String.join(" ", flags.flags()));
  }

  @Test
  @DisplayName("rejects an empty flag")
  void emptyFlag() {
    assertThatThrownBy(() -> JvmFlags.of("-ea", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  @DisplayName("give each of several JVMs its share of the cores, at least one, unless set")
  void sharing() {
    assertThat(JvmFlags.defaults().sharing(5, 2).flags())
        .startsWith("-XX:ActiveProcessorCount=1")
        .containsAll(JvmFlags.defaults().flags());
    assertThat(JvmFlags.none().sharing(2, 8).flags()).containsExactly("-XX:ActiveProcessorCount=4");
    assertThat(JvmFlags.of("-XX:ActiveProcessorCount=3").sharing(4, 16).flags())
        .containsExactly("-XX:ActiveProcessorCount=3");
  }
}
