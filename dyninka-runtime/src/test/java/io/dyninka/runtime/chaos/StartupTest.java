package io.dyninka.runtime.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A service JVM started with settings it cannot take. */
@DisplayName("A service JVM with a mistyped setting")
class StartupTest {

  @Test
  @DisplayName("stops at start, saying which variable is wrong and what it takes")
  void malformedBooleanStopsTheStart() throws Exception {
    try (ServiceJvm jvm =
        new ServiceJvm(
            "chaos", "source", ServiceJvm.freePort(), Map.of("DYNINKA_PUBLIC_SINK", "yes"))) {
      ServiceJvm.Exit exit = jvm.runToExit();

      assertThat(exit.code()).isEqualTo(1);
      assertThat(exit.output())
          .contains(
              "Dyninka service source of app chaos failed to start: DYNINKA_PUBLIC_SINK (or"
                  + " -Ddyninka.public.sink) must be true or false (in any case), not 'yes'");
    }
  }

  @Test
  @DisplayName(
      "stops at start on an unknown DYNINKA_ variable, with the name it was likely meant as")
  void unknownVariableStopsTheStart() throws Exception {
    try (ServiceJvm jvm =
        new ServiceJvm("chaos", "source", ServiceJvm.freePort(), Map.of("DYNINKA_RETRY", "3"))) {
      ServiceJvm.Exit exit = jvm.runToExit();

      assertThat(exit.code()).isEqualTo(1);
      assertThat(exit.output())
          .contains("unknown setting DYNINKA_RETRY (did you mean DYNINKA_RETRIES?)");
    }
  }
}
