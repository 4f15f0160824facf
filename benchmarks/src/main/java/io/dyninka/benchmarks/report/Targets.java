package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.run.Flow;
import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The issue's targets, checked against what the run measured. Measured, never asserted: a missed
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
  static final double CPU_VS_HAND_WRITTEN = 1.15;
  static final double P99_VS_HAND_WRITTEN = 1.2;
  static final double WARMUP_VS_HAND_WRITTEN = 1.2;
  static final double COLOCATED_VS_HAND_WRITTEN = 2.0;
  static final double COLOCATED_P50 = 0.35;
  static final double COLOCATED_RSS = 1.5;

  private Targets() {}

  public static List<Row> evaluate(Results r) {
    List<Row> rows = new ArrayList<>();
    if (r.settings.flows().contains(Flow.SMART_BUILDING)) {
      rows.addAll(issue4(r));
    }
    for (Flow flow : r.settings.flows()) {
      rows.addAll(issue12(r, flow));
      rows.addAll(issue14(r, flow));
    }
    return rows;
  }

  /** Issue #4, on the smart-building chain: throughput, errors, latency at 1 worker, idle RSS. */
  private static List<Row> issue4(Results r) {
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

  /**
   * Issue #12, per flow: Dyninka at 0.9× its twin's throughput or more and 1.15× its CPU per answer
   * or less at every profile, its p99 at most 1.2× at the target profile, no error, and a warm-up
   * within 1.2× of the twin's.
   */
  private static List<Row> issue12(Results r, Flow flow) {
    SystemUnderTest d = SystemUnderTest.of(flow, SystemUnderTest.Kind.DYNINKA).orElseThrow();
    SystemUnderTest twin = d.twin();
    String name = "#12 " + flow.label() + ": Dyninka ";
    List<Row> rows = new ArrayList<>();
    rows.add(
        worst(
            r,
            name + "≥ 0.9× hand-written req/s at every profile",
            p -> r.ratio(d, p, twin),
            false,
            VS_HAND_WRITTEN));
    rows.add(
        worst(
            r,
            name + "CPU per answer ≤ 1.15× hand-written's at every profile",
            p -> r.cpuRatio(d, p),
            true,
            CPU_VS_HAND_WRITTEN));
    Profile target = r.targetProfile();
    double p99 = r.p99Ratio(d, target);
    rows.add(
        new Row(
            name + "p99 ≤ 1.2× hand-written's at " + target.label(),
            Double.isNaN(p99) ? "–" : Fmt.num(p99, 3) + "×",
            Double.isNaN(p99) ? Optional.empty() : Optional.of(p99 <= P99_VS_HAND_WRITTEN)));
    long errors = 0;
    long answers = 0;
    for (Profile p : r.settings.profiles()) {
      Optional<Results.Load> l = r.load(d, p);
      if (l.isPresent()) {
        errors += l.get().report().failed();
        answers += l.get().report().counted();
      }
    }
    rows.add(
        new Row(
            name + "0 errors in every profile",
            answers == 0 ? "–" : errors + " errors of " + answers,
            answers == 0 ? Optional.empty() : Optional.of(errors == 0)));
    Optional<Duration> mine = warmupOf(r, d);
    Optional<Duration> theirs = warmupOf(r, twin);
    String warm = name + "first request → 90% of steady within 1.2× hand-written's";
    if (mine.isEmpty() || theirs.isEmpty()) {
      rows.add(new Row(warm, "–", Optional.empty()));
    } else {
      long a = mine.get().toSeconds();
      long b = theirs.get().toSeconds();
      rows.add(
          new Row(
              warm,
              a + " s vs " + b + " s",
              Optional.of(a <= Math.max(b * WARMUP_VS_HAND_WRITTEN, b))));
    }
    return rows;
  }

  /**
   * Issue #14, per flow: the app all in one JVM at twice the hand-written twin's throughput at the
   * target profile, its p50 at 1 worker (keep-alive) at most 0.35× the twin's, and its one
   * process's idle RSS at most 1.5× that of the largest split Dyninka service.
   */
  private static List<Row> issue14(Results r, Flow flow) {
    Optional<SystemUnderTest> colocated =
        SystemUnderTest.of(flow, SystemUnderTest.Kind.COLOCATED)
            .filter(r.settings.systems()::contains);
    if (colocated.isEmpty()) {
      return List.of();
    }
    SystemUnderTest c = colocated.get();
    SystemUnderTest twin = c.twin();
    String name = "#14 " + flow.label() + ": all in one JVM ";
    List<Row> rows = new ArrayList<>();
    Profile target = r.targetProfile();
    rows.add(
        ratioRow(
            name + "≥ 2× hand-written at " + target.label() + " (req/s)",
            r.load(c, target),
            r.load(twin, target),
            COLOCATED_VS_HAND_WRITTEN));
    String p50 = name + "p50 at 1 worker, keep-alive ≤ 0.35× hand-written's";
    Optional<Profile> one = r.singleWorker(true);
    Optional<Results.Load> mine = one.flatMap(p -> r.load(c, p));
    Optional<Results.Load> theirs = one.flatMap(p -> r.load(twin, p));
    if (mine.isEmpty() || theirs.isEmpty()) {
      rows.add(new Row(p50, "–", Optional.empty()));
    } else {
      double ratio = mine.get().report().p50Ms() / theirs.get().report().p50Ms();
      rows.add(
          new Row(
              p50,
              Fmt.num(ratio, 3)
                  + "× ("
                  + Fmt.ms(mine.get().report().p50Ms())
                  + " vs "
                  + Fmt.ms(theirs.get().report().p50Ms())
                  + " ms)",
              Optional.of(ratio <= COLOCATED_P50)));
    }
    String rss = name + "idle RSS ≤ 1.5× one split Dyninka service's (the largest)";
    Map<String, Long> single = r.idleRssKib.get(c);
    Map<String, Long> split =
        SystemUnderTest.of(flow, SystemUnderTest.Kind.DYNINKA).map(r.idleRssKib::get).orElse(null);
    if (single == null || single.isEmpty() || split == null || split.isEmpty()) {
      rows.add(new Row(rss, "–", Optional.empty()));
    } else {
      long process = single.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      long largest = split.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      rows.add(
          new Row(
              rss,
              Fmt.mib(process) + " vs " + Fmt.mib(largest) + " MiB",
              Optional.of(process <= COLOCATED_RSS * largest)));
    }
    return rows;
  }

  private static Optional<Duration> warmupOf(Results r, SystemUnderTest s) {
    Results.Warmup w = r.warmup.get(s);
    return w == null ? Optional.empty() : w.timeTo90();
  }

  /**
   * The profile where {@code ratio} is worst (lowest, or highest when {@code atMost}), against
   * {@code bound}.
   */
  private static Row worst(
      Results r,
      String name,
      java.util.function.ToDoubleFunction<Profile> ratio,
      boolean atMost,
      double bound) {
    Profile worst = null;
    double value = Double.NaN;
    for (Profile p : r.settings.profiles()) {
      double v = ratio.applyAsDouble(p);
      if (!Double.isNaN(v) && (worst == null || (atMost ? v > value : v < value))) {
        worst = p;
        value = v;
      }
    }
    if (worst == null) {
      return new Row(name, "–", Optional.empty());
    }
    return new Row(
        name,
        "worst " + Fmt.num(value, 3) + "× (" + worst.label() + ")",
        Optional.of(atMost ? value <= bound : value >= bound));
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
