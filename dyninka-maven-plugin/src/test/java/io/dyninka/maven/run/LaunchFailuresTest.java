package io.dyninka.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.runtime.launch.LaunchException;
import io.dyninka.runtime.launch.LaunchException.Reason;
import io.dyninka.runtime.launch.ServiceExit;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LaunchFailuresTest {

  private final RunSettings settings =
      RunSettings.resolve(
          new RunSettings.PomValues(null, null, "-Xmx64m", true, 45, 0), new Properties());

  @Test
  @DisplayName("points a service that exited at the JVM flags and environment settings")
  void exited() {
    LaunchException e =
        new LaunchException(
            Reason.EXITED,
            "map",
            "Service 'map' exited with code 1 before it was ready.",
            List.of("boom"));

    assertThat(LaunchFailures.describe(e, settings))
        .startsWith(
            "Service 'map' exited with code 1 before it was ready. Its last output lines:\n"
                + "  boom\n")
        .contains("dyninka.run.jvmFlags (" + settings.jvmFlags() + ")")
        .contains("dyninka.run.environment");
  }

  @Test
  @DisplayName("points a service that was not ready in time at the readiness timeout")
  void notReady() {
    LaunchException e =
        new LaunchException(
            Reason.NOT_READY, "map", "Service 'map' (pid 1) was not ready within 45 s.", List.of());

    assertThat(LaunchFailures.describe(e, settings))
        .contains("was not ready within 45 s")
        .endsWith("raise dyninka.run.readinessTimeout (now 45 s).");
  }

  @Test
  @DisplayName("points an incomplete manifest at a rebuild, and a failed process start at the JDK")
  void invalidAndNotStarted() {
    assertThat(
            LaunchFailures.describe(
                new LaunchException(Reason.INVALID, null, "no mainClass", (Throwable) null),
                settings))
        .contains("mvn package");
    assertThat(
            LaunchFailures.describe(
                new LaunchException(Reason.NOT_STARTED, "a", "cannot run java", (Throwable) null),
                settings))
        .contains("JAVA_HOME");
  }

  @Test
  @DisplayName("describes a service that died while running, with its last lines")
  void crashed() {
    String message = LaunchFailures.describe(new ServiceExit("map", 137, List.of("one", "two")));

    assertThat(message)
        .isEqualTo(
            "Service 'map' exited with code 137 while the app was running; the other services were"
                + " stopped. Its last output lines:\n  one\n  two");
  }
}
