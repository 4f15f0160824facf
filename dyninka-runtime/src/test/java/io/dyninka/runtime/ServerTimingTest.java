package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerTimingTest {

  /** The rule an upstream entry must follow to be copied along, as the README states it. */
  private static final Pattern ENTRY =
      Pattern.compile("[A-Za-z0-9_$-]{1,64};dur=[0-9]{1,9}(\\.[0-9]{1,6})?");

  @Test
  @DisplayName(
      "appends this service's entry after the upstream ones, in milliseconds with microseconds")
  void appendsOwnEntry() {
    StringBuilder timing = new StringBuilder();
    ServerTiming.collect(timing, "get;dur=0.120, filterTemperature;dur=0.007");

    assertThat(ServerTiming.append(timing, "map", 1_234_567))
        .isEqualTo("get;dur=0.120, filterTemperature;dur=0.007, map;dur=1.234");
  }

  @Test
  @DisplayName("drops malformed, oversized and injected entries, keeps the good ones")
  void dropsMalformedEntries() {
    StringBuilder timing = new StringBuilder();
    ServerTiming.collect(
        timing,
        "ok;dur=1,  spaced;dur=2.5 ,bad;dur=x, evil\r\nSet-Cookie: a;dur=1, "
            + "n".repeat(65)
            + ";dur=1, ten;dur=1234567890, frac;dur=1.1234567, ;dur=1, tail;dur=3.");

    assertThat(timing).hasToString("ok;dur=1, spaced;dur=2.5");
  }

  @Test
  @DisplayName("keeps exactly the entries the documented pattern accepts, for random headers")
  void agreesWithThePattern() {
    Random random = new Random(42);
    String alphabet = "ab_$-9;dur=.,  \t\r\n;dur=0123456789é";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder header = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        header.append(
            random.nextInt(4) == 0
                ? ";dur="
                : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      StringBuilder scanned = new StringBuilder();
      ServerTiming.collect(scanned, header.toString());

      assertThat(scanned.toString())
          .as("header [%s]", header)
          .isEqualTo(byPattern(header.toString()));
    }
  }

  private static String byPattern(String header) {
    List<String> kept = new ArrayList<>();
    for (String entry : header.split(",", -1)) {
      if (ENTRY.matcher(entry.trim()).matches()) {
        kept.add(entry.trim());
      }
    }
    return kept.stream().collect(Collectors.joining(", "));
  }

  @Test
  @DisplayName("parses one entry per traversed service, dur among other parameters")
  void parses() {
    List<ServerTiming.Entry> entries =
        ServerTiming.parse(
            "get;dur=0.120, filterTemperature;dur=0.031,map;dur=0.010, cache;desc=\"hit\","
                + " movingAvg;desc=x;dur=0.040, bad;dur=fast");

    assertThat(entries)
        .extracting(ServerTiming.Entry::service)
        .containsExactly("get", "filterTemperature", "map", "movingAvg");
    assertThat(ServerTiming.totalMillis(entries)).isCloseTo(0.201, within(1e-9));
    assertThat(ServerTiming.parse(null)).isEmpty();
    assertThat(ServerTiming.parse("")).isEmpty();
  }

  @Test
  @DisplayName("appends an entry to an upstream header as it is, or starts one")
  void appendsToText() {
    assertThat(ServerTiming.append((String) null, "get", 1_234_567)).isEqualTo("get;dur=1.234");
    assertThat(ServerTiming.append("", "get", 5_000)).isEqualTo("get;dur=0.005");
    assertThat(ServerTiming.append("get;dur=1.000", "map", 20_000))
        .isEqualTo("get;dur=1.000, map;dur=0.020");
  }
}
