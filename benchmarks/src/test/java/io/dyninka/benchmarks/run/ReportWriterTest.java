package io.dyninka.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ReportWriter")
class ReportWriterTest {

  private final Results results = sample();

  @Test
  @DisplayName("states every target with its verdict and the figure behind it")
  void targets() {
    List<Targets.Row> rows = Targets.evaluate(results);

    assertThat(rows)
        .extracting(Targets.Row::verdict)
        .containsExactly("met", "**missed**", "met", "met", "met", "met");
    assertThat(rows.get(0).measured()).isEqualTo("0.950× (950 vs 1000 req/s)");
    assertThat(rows.get(1).measured()).isEqualTo("1.267× (950 vs 750 req/s)");
    assertThat(rows.get(5).measured()).contains("80.0 MiB (map)");
  }

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
        .startsWith("system,workers,keep_alive");
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
        .contains("| 1 | on | 95.0 | 100 | 75.0 | 1.50 / 3.00 | 0.00% |");
  }

  /**
   * Two profiles' worth of numbers for three systems: Dyninka 0.95× hand-written, 1.27× gateway.
   */
  private static Results sample() {
    Map<String, String> env =
        Map.of(
            "WORKERS",
            "1 50",
            "DURATION",
            "5s",
            "TARGET_DURATION",
            "60s",
            "BENCH_COMMAND",
            "QUICK='1' benchmarks/run.sh");
    Settings settings = Settings.from(env);
    Results r =
        new Results(
            settings,
            new Machine("a CPU", 2, 24000, "Linux", "OpenJDK 17", "hey 0.1.4"),
            "-XX:+UseSerialGC");
    Map<SystemUnderTest, Double> scale =
        Map.of(
            SystemUnderTest.DYNINKA,
            0.95,
            SystemUnderTest.HAND_WRITTEN,
            1.0,
            SystemUnderTest.GATEWAY,
            0.75);
    for (Profile p : settings.profiles()) {
      for (SystemUnderTest s : settings.systems()) {
        double rps = (p.workers() == 1 ? 100 : 1000) * scale.get(s);
        long ok = Math.round(rps * p.duration().toSeconds());
        HeyReport report =
            new HeyReport(
                p.duration().toSeconds(),
                rps,
                2.0,
                1.5,
                3.0,
                Map.of(200, ok / 6, 204, ok - ok / 6),
                Map.of());
        r.add(
            new Results.Load(
                s, p, report, Map.of("x", 120L * 1024), Map.of("x", ok * 0.2 / scale.get(s))));
      }
    }
    for (SystemUnderTest s : settings.systems()) {
      Map<String, Long> idle = new LinkedHashMap<>();
      idle.put("get", 70L * 1024);
      idle.put("map", 80L * 1024);
      r.idleRssKib.put(s, idle);
      r.startup.put(s, Duration.ofMillis(1500));
      r.probes.put(s, new ProbeResult(1000, 160, 1.2, 0.4, 0.2, 0.21, 0.9));
    }
    r.finished = r.started.plusSeconds(300);
    return r;
  }
}
