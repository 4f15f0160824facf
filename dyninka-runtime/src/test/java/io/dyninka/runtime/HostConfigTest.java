package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A service's settings")
class HostConfigTest {

  private static HostConfig from(Map<String, String> env) {
    return HostConfig.from(env, Map.of());
  }

  @Nested
  @DisplayName("booleans")
  class Booleans {

    @Test
    @DisplayName("take true and false in any case")
    void trueOrFalseInAnyCase() {
      assertThat(from(Map.of("DYNINKA_PUBLIC_SINK", "FALSE")).publicSink()).isFalse();
      assertThat(from(Map.of("DYNINKA_PUBLIC_SINK", " True ")).publicSink()).isTrue();
      assertThat(from(Map.of()).publicSink()).isTrue();
    }

    @Test
    @DisplayName("refuse anything else, naming the variable and the values it takes")
    void refuseYes() {
      assertThatThrownBy(() -> from(Map.of("DYNINKA_PUBLIC_SINK", "yes")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "DYNINKA_PUBLIC_SINK (or -Ddyninka.public.sink) must be true or false (in any"
                  + " case), not 'yes'");
    }

    @Test
    @DisplayName("are checked in system properties too")
    void refuseInProperties() {
      assertThatThrownBy(() -> HostConfig.from(Map.of(), Map.of("dyninka.public.sink", "1")))
          .hasMessageContaining("DYNINKA_PUBLIC_SINK (or -Ddyninka.public.sink)");
    }
  }

  @Test
  @DisplayName("a number that does not parse names its variable")
  void malformedNumber() {
    assertThatThrownBy(() -> from(Map.of("DYNINKA_TIMEOUT_MS", "10s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "DYNINKA_TIMEOUT_MS (or -Ddyninka.timeout.ms) must be a whole number, not '10s'");
    assertThatThrownBy(() -> from(Map.of("DYNINKA_PARENT_PID", "me")))
        .hasMessageStartingWith("DYNINKA_PARENT_PID");
  }

  @Nested
  @DisplayName("environment variables")
  class Variables {

    @Test
    @DisplayName("an unknown DYNINKA_ name stops the start, with the name it was likely meant as")
    void unknownWithSuggestion() {
      assertThatThrownBy(() -> from(Map.of("DYNINKA_TIMEOUT", "500")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "unknown setting DYNINKA_TIMEOUT (did you mean DYNINKA_TIMEOUT_MS?); a Dyninka"
                  + " service reads DYNINKA_HOST, DYNINKA_PEERS, DYNINKA_TIMEOUT_MS,");
    }

    @Test
    @DisplayName("a name close to none gets no guess, and every unknown name is listed")
    void unknownWithoutSuggestion() {
      assertThatThrownBy(() -> from(Map.of("DYNINKA_COLOUR", "blue", "DYNINKA_PEER", "x")))
          .hasMessageStartingWith(
              "unknown setting DYNINKA_COLOUR; unknown setting DYNINKA_PEER (did you mean"
                  + " DYNINKA_PEERS?)");
    }

    @Test
    @DisplayName("every known one is taken, as are the tools' own and names of others")
    void knownAccepted() {
      Map<String, String> env = new HashMap<>();
      for (String name : HostConfig.VARIABLES) {
        env.put(name, "1");
      }
      env.put("DYNINKA_HOST", "127.0.0.1");
      env.put("DYNINKA_PEERS", "a=http://127.0.0.1:9001");
      env.put("DYNINKA_TOKEN", "secret");
      env.put("DYNINKA_PUBLIC_SINK", "false");
      env.put("DYNINKA_METRICS", "false");
      env.putAll(Map.of("DYNINKA_REGISTRY_DIR", "/tmp/r", "PATH", "/bin", "dyninka_x", "y"));

      HostConfig config = from(env);

      assertThat(config.upstreamTimeout().toMillis()).isEqualTo(1);
      assertThat(config.publicSink()).isFalse();
      assertThat(config.token()).isEqualTo("secret");
    }
  }
}
