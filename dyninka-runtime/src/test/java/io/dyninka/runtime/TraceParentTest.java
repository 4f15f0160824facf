package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** W3C trace context, version 00, as the README promises to forward it. */
  private static final Pattern RULE =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  @Test
  @DisplayName("forwards a valid traceparent unchanged")
  void forwardsValid() {
    assertThat(TraceParent.forward(VALID)).isSameAs(VALID);
  }

  @Test
  @DisplayName("replaces a missing, malformed, upper-case or all-zero one by a new valid trace")
  void replacesInvalid() {
    for (String bad :
        new String[] {
          null,
          "",
          "00-not-a-trace",
          VALID.toUpperCase(),
          VALID + "0",
          VALID.replace("-01", "+01"),
          "01" + VALID.substring(2),
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01"
        }) {
      String forwarded = TraceParent.forward(bad);
      assertThat(forwarded).as("for %s", bad).isNotEqualTo(bad).matches(RULE);
    }
  }

  @Test
  @DisplayName("accepts exactly what the W3C rule accepts, for random mutations of a valid one")
  void agreesWithTheRule() {
    Random random = new Random(7);
    String alphabet = "0123456789abcdefABx-";
    for (int round = 0; round < 50_000; round++) {
      char[] chars =
          (random.nextInt(10) == 0
                  ? "00-00000000000000000000000000000000-00f067aa0ba902b7-01"
                  : VALID)
              .toCharArray();
      for (int edits = random.nextInt(3); edits > 0; edits--) {
        chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String candidate = new String(chars);
      assertThat(TraceParent.valid(candidate))
          .as(candidate)
          .isEqualTo(RULE.matcher(candidate).matches());
    }
  }
}
