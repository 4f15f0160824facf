package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The problem catalogue")
class ProblemTypeTest {

  @Test
  @DisplayName("keeps every type URI and status of the wire contract")
  void wireContract() {
    assertThat(Arrays.stream(ProblemType.values()).map(t -> t.uri() + " " + t.status()))
        .containsExactly(
            "https://dyninka.io/problems/bad-request 400",
            "https://dyninka.io/problems/bad-route 400",
            "https://dyninka.io/problems/unauthorized 401",
            "https://dyninka.io/problems/forbidden 403",
            "https://dyninka.io/problems/not-found 404",
            "https://dyninka.io/problems/method-not-allowed 405",
            "https://dyninka.io/problems/payload-too-large 413",
            "https://dyninka.io/problems/unsupported-media-type 415",
            "https://dyninka.io/problems/tls-required 426",
            "https://dyninka.io/problems/header-too-large 431",
            "https://dyninka.io/problems/function-failed 500",
            "https://dyninka.io/problems/output-not-json 500",
            "https://dyninka.io/problems/output-invalid 500",
            "https://dyninka.io/problems/internal-error 500",
            "https://dyninka.io/problems/upstream-invalid 502",
            "https://dyninka.io/problems/upstream-unreachable 502",
            "https://dyninka.io/problems/upstream-tls 502",
            "https://dyninka.io/problems/overloaded 503",
            "https://dyninka.io/problems/upstream-failing 503",
            "https://dyninka.io/problems/state-store-unavailable 503",
            "https://dyninka.io/problems/state-contended 503",
            "https://dyninka.io/problems/upstream-timeout 504");
  }

  @Test
  @DisplayName("is listed whole in the module's README, each type with its status and title")
  void documented() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    for (ProblemType type : ProblemType.values()) {
      assertThat(lines)
          .as(type.name())
          .anyMatch(
              line ->
                  line.startsWith(
                      "| `" + type.uri() + "` | " + type.status() + " | " + type.title() + " |"));
    }
  }

  @Test
  @DisplayName("builds an occurrence that arose at a service")
  void occurrence() {
    Problem problem = ProblemType.UPSTREAM_TIMEOUT.problem("too slow", "tail");

    assertThat(problem.toJson().encode())
        .isEqualTo(
            "{\"type\":\"https://dyninka.io/problems/upstream-timeout\",\"title\":\"Upstream timed"
                + " out\",\"status\":504,\"detail\":\"too slow\",\"service\":\"tail\",\"path\":[\"tail\"]}");
    assertThat(ProblemType.otherStatus(302, "tail").status()).isEqualTo(500);
  }
}
