package io.dyninka.benchmarks.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns JMH's JSON result into {@code jmh.md}: every score, and the figures the issue asks for, the
 * Dyninka runtime's overhead per hop over a bare Vert.x handler doing the same call. Arguments: the
 * Markdown file to write, then JMH's JSON result files.
 */
public final class JmhReport {

  private JmhReport() {}

  public static void main(String[] args) throws IOException {
    Map<String, JsonObject> byName = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      for (Object o : new JsonArray(Files.readString(Path.of(args[i])))) {
        JsonObject run = (JsonObject) o;
        String benchmark = run.getString("benchmark");
        byName.put(
            benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
            run);
      }
    }
    Files.writeString(Path.of(args[0]), markdown(byName));
  }

  static String markdown(Map<String, JsonObject> runs) {
    StringBuilder md =
        new StringBuilder(
            "# JMH: one hop of the Dyninka runtime against a bare Vert.x handler\n\n");
    md.append(
            "Reproduce: `benchmarks/run.sh` (or `java -cp … org.openjdk.jmh.Main HopBenchmark`). One fork, Dyninka's default JVM flags, average time per operation. ")
        .append(
            "The hop runs over real loopback HTTP in one JVM: client → service → upstream stub; the service is a Dyninka service host or the hand-written chain's bare Vert.x handler.\n\n");
    md.append("| benchmark | score | ± 99.9% | unit |\n|---|---:|---:|---|\n");
    runs.forEach(
        (name, run) -> {
          JsonObject metric = run.getJsonObject("primaryMetric");
          md.append("| ")
              .append(name)
              .append(" | ")
              .append(Fmt.num(metric.getDouble("score"), 2))
              .append(" | ")
              .append(Fmt.num(error(metric), 2))
              .append(" | ")
              .append(metric.getString("scoreUnit"))
              .append(" |\n");
        });
    double dyninka = score(runs, "HopBenchmark.dyninkaHop");
    double bare = score(runs, "HopBenchmark.bareHop");
    double floor = score(runs, "HopBenchmark.upstreamOnly");
    double noise = error(runs, "HopBenchmark.dyninkaHop") + error(runs, "HopBenchmark.bareHop");
    if (!Double.isNaN(dyninka) && !Double.isNaN(bare)) {
      md.append("\n## Per hop\n\n| figure | µs |\n|---|---:|\n");
      md.append("| one more HTTP hop through a bare Vert.x handler (bareHop − upstreamOnly) | ")
          .append(Fmt.num(bare - floor, 1))
          .append(" |\n");
      md.append("| the same hop through a Dyninka service (dyninkaHop − upstreamOnly) | ")
          .append(Fmt.num(dyninka - floor, 1))
          .append(" |\n");
      md.append("| **Dyninka runtime overhead per hop (dyninkaHop − bareHop)** | **")
          .append(Fmt.num(dyninka - bare, 1))
          .append("** |\n");
      md.append("| Dyninka hop / bare hop | ")
          .append(Fmt.ratio((dyninka - floor) / (bare - floor)))
          .append(" |\n");
      if (Math.abs(dyninka - bare) <= noise) {
        md.append("\nThe difference is within the two scores' error bars (± ")
            .append(Fmt.num(noise, 1))
            .append(
                " µs together): at this resolution, on this machine, Dyninka's hop is not measurably slower than the bare handler's.\n");
      }
    }
    md.append(
        "\n`RuntimePiecesBenchmark` times the per-request pieces without sockets (ns): each Dyninka piece beside what the hand-written chain does instead.\n");
    return md.toString();
  }

  private static double error(JsonObject metric) {
    Object error = metric.getValue("scoreError");
    return error instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static double error(Map<String, JsonObject> runs, String name) {
    JsonObject run = runs.get(name);
    return run == null ? Double.NaN : error(run.getJsonObject("primaryMetric"));
  }

  private static double score(Map<String, JsonObject> runs, String name) {
    JsonObject run = runs.get(name);
    return run == null ? Double.NaN : run.getJsonObject("primaryMetric").getDouble("score");
  }
}
