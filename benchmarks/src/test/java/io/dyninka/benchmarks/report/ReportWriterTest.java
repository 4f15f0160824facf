package io.dyninka.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ReportWriter")
class ReportWriterTest {

  private final Results results = SampleResults.basic();

  @Test
  @DisplayName(
      "writes the report, the CSVs, a well-formed SVG and the README table, and nothing else")
  void writesFiles(@TempDir Path dir) throws Exception {
    new ReportWriter(results).writeAll(dir);

    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "results.md", "results.csv", "rss.csv", "hops.csv", "plot.svg", "readme-table.md");
    }
    String md = Files.readString(dir.resolve("results.md"));
    assertThat(md)
        .contains("| 50 | on | Dyninka | 950 |")
        .contains("| 50 | on | 0.95× | 1.27× | 1.05× |")
        .contains("QUICK='1' benchmarks/run.sh");
    assertThat(Files.readAllLines(dir.resolve("results.csv")))
        .hasSize(1 + 12)
        .first()
        .asString()
        .startsWith("flow,system,workers,keep_alive");
    byte[] svg = Files.readAllBytes(dir.resolve("plot.svg"));
    assertThat(
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg))
                .getDocumentElement()
                .getTagName())
        .isEqualTo("svg");
    assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<polyline");
    assertThat(Files.readString(dir.resolve("readme-table.md")))
        .contains("| 1 | on | 95.0 | 100 | 75.0 | 0.95× | 1.27× | 1.50 / 3.00 | 0.00% |");
  }

  /**
   * Pins every file a run writes, byte for byte, for the two sample runs: a change to how the
   * report is written must not change what it says. After a deliberate change of the report,
   * replace the files under {@code src/test/resources/report/} with the new output.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"basic", "full"})
  @DisplayName("writes the same files as before for the same results")
  void golden(String sample, @TempDir Path dir) throws Exception {
    new ReportWriter(sample.equals("basic") ? SampleResults.basic() : SampleResults.full())
        .writeAll(dir);

    for (String file :
        List.of(
            "results.md", "results.csv", "rss.csv", "hops.csv", "plot.svg", "readme-table.md")) {
      assertThat(withoutDate(Files.readString(dir.resolve(file))))
          .as(file)
          .isEqualTo(golden(sample + "/" + file));
    }
  }

  /** The one line that changes from run to run: when it started. */
  private static String withoutDate(String text) {
    return text.replaceFirst("- When: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC,", "- When: (date),");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportWriterTest.class.getResourceAsStream("/report/" + name)) {
      assertThat(in).as("golden file /report/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
