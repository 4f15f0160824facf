package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets, checked against what the run measured. Measured, never asserted: a missed
 * target is a finding of the run, not a failure of the build.
 */
public final class Targets {

  /** One target's line in the report; {@code met} is empty when the run could not measure it. */
  public record Row(String target, String measured, Optional<Boolean> met) {
    public String verdict() {
      return met.map(m -> m ? "met" : "**missed**").orElse("not measured");
    }
  }

  static final double VS_HAND_WRITTEN = 0.9;
  static final double VS_GATEWAY = 1.5;
  static final double SINGLE_WORKER_P50_MS = 2.0;
  static final long IDLE_RSS_MIB = 100;
  static final long TARGET_SECONDS = 60;

  private Targets() {}

  public static List<Row> evaluate(Results r) {
    List<Row> rows = new ArrayList<>();
    Profile target = r.targetProfile();
    Optional<Results.Load> dyninka = r.load(SystemUnderTest.DYNINKA, target);
    String at = target.workers() + " workers, keep-alive";
    rows.add(
        ratioRow(
            at + ": Dyninka ≥ 0.9× hand-written (req/s)",
            dyninka,
            r.load(SystemUnderTest.HAND_WRITTEN, target),
            VS_HAND_WRITTEN));
    rows.add(
        ratioRow(
            at + ": Dyninka ≥ 1.5× gateway (req/s)",
            dyninka,
            r.load(SystemUnderTest.GATEWAY, target),
            VS_GATEWAY));
    rows.add(
        dyninka
            .map(
                d -> {
                  long seconds = target.duration().toSeconds();
                  String measured =
                      d.report().failed()
                          + " errors of "
                          + d.report().counted()
                          + " over "
                          + seconds
                          + " s";
                  boolean longEnough = seconds >= TARGET_SECONDS;
                  return new Row(
                      at + ": Dyninka 0 errors over 60 s",
                      measured + (longEnough ? "" : " (a short run: not the 60 s the target asks)"),
                      longEnough || d.report().failed() > 0
                          ? Optional.of(d.report().failed() == 0)
                          : Optional.<Boolean>empty());
                })
            .orElse(new Row(at + ": Dyninka 0 errors over 60 s", "–", Optional.empty())));
    for (boolean keepAlive : new boolean[] {true, false}) {
      String name =
          "1 worker, keep-alive " + (keepAlive ? "on" : "off") + ": Dyninka p50 < 2 ms end to end";
      rows.add(
          r.singleWorker(keepAlive)
              .flatMap(p -> r.load(SystemUnderTest.DYNINKA, p))
              .map(
                  l ->
                      new Row(
                          name,
                          Fmt.ms(l.report().p50Ms())
                              + " ms (p99 "
                              + Fmt.ms(l.report().p99Ms())
                              + " ms)",
                          Optional.of(l.report().p50Ms() < SINGLE_WORKER_P50_MS)))
              .orElse(new Row(name, "–", Optional.empty())));
    }
    Map<String, Long> idle = r.idleRssKib.get(SystemUnderTest.DYNINKA);
    if (idle == null || idle.isEmpty()) {
      rows.add(
          new Row(
              "idle RSS < 100 MB per Dyninka service, default JVM flags", "–", Optional.empty()));
    } else {
      Map.Entry<String, Long> largest =
          idle.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      rows.add(
          new Row(
              "idle RSS < 100 MB per Dyninka service, default JVM flags",
              "largest " + Fmt.mib(largest.getValue()) + " MiB (" + largest.getKey() + ")",
              Optional.of(largest.getValue() < IDLE_RSS_MIB * 1024)));
    }
    return rows;
  }

  private static Row ratioRow(
      String name, Optional<Results.Load> dyninka, Optional<Results.Load> other, double floor) {
    if (dyninka.isEmpty() || other.isEmpty()) {
      return new Row(name, "–", Optional.empty());
    }
    double d = dyninka.get().report().okRps();
    double o = other.get().report().okRps();
    double ratio = d / o;
    return new Row(
        name,
        // Three decimals: a ratio just under its floor must not read as the floor.
        Fmt.num(ratio, 3) + "× (" + Fmt.rps(d) + " vs " + Fmt.rps(o) + " req/s)",
        Optional.of(ratio >= floor));
  }
}
