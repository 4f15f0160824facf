package io.dyninka.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.runtime.launch.JvmFlags;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

  private static final RunSettings.PomValues DEFAULTS =
      new RunSettings.PomValues(null, null, null, true, 60, 0);

  private static Properties commandLine(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  @DisplayName("defaults: the small-footprint JVM flags, 60 s to be ready, run until Ctrl-C")
  void defaults() {
    RunSettings settings = RunSettings.resolve(DEFAULTS, new Properties());

    assertThat(settings.jvmFlags()).isEqualTo(JvmFlags.defaults());
    assertThat(settings.environment()).isEmpty();
    assertThat(settings.readinessTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.duration()).isZero();
  }

  @Test
  @DisplayName("adds the pom's JVM flags after the defaults, or alone without them")
  void jvmFlags() {
    RunSettings withDefaults =
        RunSettings.resolve(
            new RunSettings.PomValues(null, null, "-Xmx64m -ea", true, 60, 0), new Properties());
    RunSettings alone =
        RunSettings.resolve(
            new RunSettings.PomValues(null, null, "-Xmx64m -ea", false, 60, 0), new Properties());

    assertThat(withDefaults.jvmFlags().flags())
        .startsWith(JvmFlags.defaults().flags().toArray(String[]::new))
        .endsWith("-Xmx64m", "-ea");
    assertThat(alone.jvmFlags().flags()).containsExactly("-Xmx64m", "-ea");
  }

  @Test
  @DisplayName("adds NAME=value pairs to the environment map, overriding the same names")
  void environmentPairs() {
    RunSettings settings =
        RunSettings.resolve(
            new RunSettings.PomValues(
                Map.of("A", "map", "B", "map"), "B=pairs, C = x ,", null, true, 60, 0),
            new Properties());

    assertThat(settings.environment())
        .containsExactlyInAnyOrderEntriesOf(Map.of("A", "map", "B", "pairs", "C", " x "));
  }

  @Test
  @DisplayName("a property on the command line beats the pom")
  void commandLineBeatsPom() {
    RunSettings.PomValues pom =
        new RunSettings.PomValues(
            Map.of("MODE", "pom", "KEEP", "yes"), "MODE=pom-list", "-Xmx64m", true, 30, 5);

    RunSettings settings =
        RunSettings.resolve(
            pom,
            commandLine(
                RunSettings.JVM_FLAGS, "-Xmx32m",
                RunSettings.DEFAULT_JVM_FLAGS, "false",
                RunSettings.READINESS_TIMEOUT, "90",
                RunSettings.DURATION, "3",
                RunSettings.ENVIRONMENT, "MODE=cli,EXTRA=a=b"));

    assertThat(settings.jvmFlags().flags()).containsExactly("-Xmx32m");
    assertThat(settings.readinessTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.environment())
        .containsExactlyInAnyOrderEntriesOf(Map.of("MODE", "cli", "KEEP", "yes", "EXTRA", "a=b"));
  }

  @Test
  @DisplayName("names the property whose value is wrong")
  void invalidValues() {
    assertThatThrownBy(
            () -> RunSettings.resolve(DEFAULTS, commandLine(RunSettings.READINESS_TIMEOUT, "soon")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("dyninka.run.readinessTimeout must be a whole number of seconds, not 'soon'");
    assertThatThrownBy(
            () ->
                RunSettings.resolve(
                    new RunSettings.PomValues(null, null, null, true, 0, 0), new Properties()))
        .hasMessageStartingWith(
            "dyninka.run.readinessTimeout must be a positive number of seconds");
    assertThatThrownBy(() -> RunSettings.resolve(DEFAULTS, commandLine(RunSettings.DURATION, "-1")))
        .hasMessageStartingWith("dyninka.run.duration must be 0 (run until Ctrl-C)");
    assertThatThrownBy(
            () -> RunSettings.resolve(DEFAULTS, commandLine(RunSettings.ENVIRONMENT, "JUSTANAME")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("dyninka.run.environment expects NAME=value pairs")
        .hasMessageContaining("'JUSTANAME'")
        .extracting(e -> ((InvalidSettingException) e).property())
        .isEqualTo(RunSettings.ENVIRONMENT);
    assertThatThrownBy(
            () ->
                RunSettings.resolve(DEFAULTS, commandLine(RunSettings.DEFAULT_JVM_FLAGS, "maybe")))
        .hasMessage("dyninka.run.defaultJvmFlags must be true or false, not 'maybe'");
  }
}
