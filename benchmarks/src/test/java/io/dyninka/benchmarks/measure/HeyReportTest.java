package io.dyninka.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HeyReport reads hey's summary")
class HeyReportTest {

  @Test
  @DisplayName("counts 2xx answers as served, other statuses and transport errors as failed")
  void statusesAndErrors() throws IOException {
    HeyReport report = HeyReport.parse(fixture("errors.txt"));

    assertThat(report.seconds()).isEqualTo(5.0031);
    assertThat(report.ok()).isEqualTo(3760 + 18786);
    assertThat(report.failed()).isEqualTo(4 + 12);
    assertThat(report.counted()).isEqualTo(3760 + 18786 + 4 + 12);
    assertThat(report.okRps()).isCloseTo(22546 / 5.0031, within(1e-6));
    assertThat(report.errorPercent()).isCloseTo(100.0 * 16 / 22562, within(1e-9));
    assertThat(report.errors())
        .containsOnlyKeys(
            "Get \"http://127.0.0.1:40825/\": dial tcp 127.0.0.1:40825: connect: connection refused");
  }

  @Test
  @DisplayName("reads p50, p99 and the mean in milliseconds")
  void latencies() throws IOException {
    HeyReport report = HeyReport.parse(fixture("errors.txt"));

    assertThat(report.p50Ms()).isCloseTo(1.8, within(1e-9));
    assertThat(report.p99Ms()).isCloseTo(9.1, within(1e-9));
    assertThat(report.meanMs()).isCloseTo(2.1, within(1e-9));
    assertThat(report.heyRps()).isEqualTo(4512.331);
  }

  @Test
  @DisplayName("leaves p99 unknown when hey had too few answers to print it")
  void fewAnswers() throws IOException {
    HeyReport report = HeyReport.parse(fixture("few-answers.txt"));

    assertThat(report.p50Ms()).isCloseTo(1030.1, within(1e-9));
    assertThat(report.p99Ms()).isNaN();
    assertThat(report.ok()).isEqualTo(10);
    assertThat(report.failed()).isZero();
  }

  @Test
  @DisplayName("says when hey kept fewer answers than it counted")
  void sampled() throws IOException {
    HeyReport report = HeyReport.parse(fixture("errors.txt"));

    assertThat(report.sampled()).isFalse();
    HeyReport capped =
        new HeyReport(60, 20_000, 1, 1, 1, java.util.Map.of(200, 1_000_000L), java.util.Map.of());
    assertThat(capped.sampled()).isTrue();
  }

  @Test
  @DisplayName("refuses output that is not a summary, quoting it")
  void notASummary() {
    assertThatThrownBy(() -> HeyReport.parse("flag provided but not defined: -x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a hey summary")
        .hasMessageContaining("flag provided");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = HeyReportTest.class.getResourceAsStream("/hey/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
