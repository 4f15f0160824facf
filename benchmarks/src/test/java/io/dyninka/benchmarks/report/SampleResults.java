package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.Machine;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.run.Flow;
import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.Settings;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results of made-up runs, for the report's tests: no system runs, every figure is chosen. */
final class SampleResults {

  private SampleResults() {}

  /**
   * Two profiles' worth of numbers for three systems: Dyninka 0.95× hand-written, 1.27× gateway.
   */
  static Results basic() {
    return basic("60s");
  }

  /** {@link #basic()} with the target profile (50 workers, keep-alive) run for {@code target}. */
  static Results basic(String target) {
    Settings settings =
        Settings.from(
            Map.of(
                "WORKERS",
                "1 50",
                "DURATION",
                "5s",
                "TARGET_DURATION",
                target,
                "FLOW",
                "smart-building",
                "SYSTEMS",
                "dyninka handwritten gateway",
                "BENCH_COMMAND",
                "QUICK='1' benchmarks/run.sh"));
    Results r = new Results(settings, machine(), "-XX:+UseSerialGC");
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
        r.add(
            new Results.Load(
                s,
                p,
                answered(p, rps, ok, Map.of()),
                Map.of("x", 120L * 1024),
                Map.of("x", ok * 0.2 / scale.get(s))));
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

  /**
   * Every part of the report filled in at least once, and left out at least once: both flows, each
   * split and all in one JVM, a candidate with its own runtime and environment, a profile the
   * gateway did not run, a hey run that kept only a million answers, failed answers and transport
   * errors, one warm-up that never became steady, missing probes, first answers and after-load RSS,
   * the load average, and notes.
   */
  static Results full() {
    Settings settings =
        Settings.from(
            Map.of(
                "WORKERS", "1 10 50",
                "SYSTEMS", "dyninka candidate handwritten gateway colocated",
                "CANDIDATE_RUNTIME", "/tmp/runtime-before.jar",
                "CANDIDATE_ENV", "DYNINKA_INSTANCES=2",
                "DURATION", "5s",
                "TARGET_DURATION", "60s",
                "WARMUP", "30s",
                "PROBE_REQUESTS", "500",
                "BENCH_COMMAND",
                    "SYSTEMS='dyninka candidate handwritten gateway colocated' benchmarks/run.sh"));
    Results r = new Results(settings, machine(), "-XX:+UseSerialGC -Xss512k");
    Map<SystemUnderTest.Kind, Double> byKind =
        Map.of(
            SystemUnderTest.Kind.DYNINKA, 0.93,
            SystemUnderTest.Kind.CANDIDATE, 0.97,
            SystemUnderTest.Kind.HAND_WRITTEN, 1.0,
            SystemUnderTest.Kind.GATEWAY, 0.61,
            SystemUnderTest.Kind.COLOCATED, 2.3);
    Map<SystemUnderTest, Double> scale = new java.util.EnumMap<>(SystemUnderTest.class);
    for (SystemUnderTest s : settings.systems()) {
      // The orders flow a little slower than the chain, so that its rows differ.
      scale.put(s, byKind.get(s.kind()) * (s.flow() == Flow.ORDERS ? 0.8 : 1.0));
    }
    for (Profile p : settings.profiles()) {
      for (SystemUnderTest s : settings.systems()) {
        if (s == SystemUnderTest.GATEWAY && p.workers() == 10) {
          continue;
        }
        double rps = p.workers() * 123.4 * scale.get(s) + 7;
        long ok = Math.round(rps * p.duration().toSeconds());
        boolean capped = s == SystemUnderTest.DYNINKA && p.workers() == 50 && p.keepAlive();
        boolean failing = s == SystemUnderTest.GATEWAY && p.workers() == 50 && !p.keepAlive();
        HeyReport report =
            failing
                ? new HeyReport(
                    p.duration().toSeconds(),
                    rps,
                    40.5,
                    12.25,
                    180.0,
                    Map.of(200, ok / 6, 204, ok - ok / 6 - 17, 502, 17L),
                    Map.of("dial tcp 127.0.0.1:8080: connect: connection refused", 3L))
                : answered(p, capped ? rps * 3 : rps, capped ? ok / 3 : ok, Map.of());
        Map<String, Long> peaks = new LinkedHashMap<>();
        peaks.put("get", (90L + p.workers()) * 1024);
        peaks.put("map", (95L + p.workers()) * 1024 + 512);
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("get", ok * 0.11 / scale.get(s));
        cpu.put("map", ok * 0.13 / scale.get(s));
        r.add(new Results.Load(s, p, report, peaks, cpu));
      }
    }
    int i = 0;
    for (SystemUnderTest s : settings.systems()) {
      i++;
      Map<String, Long> idle = new LinkedHashMap<>();
      if (s.kind() == SystemUnderTest.Kind.COLOCATED) {
        idle.put("all", (110L + i) * 1024);
      } else {
        idle.put("get", (60L + i) * 1024 + 300);
        idle.put("map", (70L + i) * 1024 + 700);
      }
      r.idleRssKib.put(s, idle);
      if (s != SystemUnderTest.GATEWAY) {
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("get", (80L + i) * 1024);
        after.put("map", (85L + i) * 1024);
        r.afterRssKib.put(s, after);
        r.probes.put(s, new ProbeResult(500, 80 + i, 1.25 + i, 0.5, 0.1875, 0.2 + i / 100.0, 0.75));
        r.firstAnswer.put(s, Duration.ofMillis(200 + 10 * i));
      }
      r.startup.put(s, Duration.ofMillis(1200 + 111 * i));
    }
    r.warmup.put(
        SystemUnderTest.DYNINKA,
        new Results.Warmup(
            List.of(120L, 400L, 700L, 950L, 990L, 500L),
            List.of(800.0, 950.4, 1002.0, 1010.0),
            Duration.ofSeconds(5),
            true));
    r.warmup.put(
        SystemUnderTest.HAND_WRITTEN,
        new Results.Warmup(
            List.of(10L, 20L, 30L),
            List.of(60.25, 90.0, 700.0, 1000.0, 1300.0, 1600.0),
            Duration.ofSeconds(5),
            false));
    r.warmup.put(
        SystemUnderTest.ORDERS_DYNINKA,
        new Results.Warmup(
            List.of(100L, 300L, 500L, 600L),
            List.of(700.0, 800.0, 810.0, 805.0),
            Duration.ofSeconds(5),
            true));
    r.warmup.put(
        SystemUnderTest.ORDERS_HAND_WRITTEN,
        new Results.Warmup(
            List.of(700L, 800L, 800L, 300L),
            List.of(820.0, 830.0, 825.0, 828.0),
            Duration.ofSeconds(5),
            true));
    r.notes.add("gateway + orchestrator had a process down before \"10 workers\"");
    r.notes.add("gateway + orchestrator, 50 workers: transport errors");
    r.load.accept(3.25);
    r.load.accept(7.5);
    r.load.accept(12.0);
    r.finished = r.started.plusSeconds(1234);
    return r;
  }

  private static HeyReport answered(Profile p, double rps, long ok, Map<String, Long> errors) {
    return new HeyReport(
        p.duration().toSeconds(),
        rps,
        2.0,
        1.5,
        3.0,
        Map.of(200, ok / 6, 204, ok - ok / 6),
        errors);
  }

  private static Machine machine() {
    return new Machine("a CPU", 2, 24000, "Linux", "OpenJDK 17", "hey 0.1.4");
  }
}
