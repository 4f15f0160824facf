package io.dyninka.benchmarks.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run's results: {@code results.md} (the report), {@code results.csv} (one row per system
 * and profile), {@code rss.csv}, {@code hops.csv}, {@code plot.svg}, and {@code readme-table.md}
 * (the short table for the project README).
 */
final class ReportWriter {

  /** The paper's Tables 3–5 (hey, keep-alive off, 10 minutes per profile, VMs of 1 vCPU). */
  private record PaperRow(
      int workers,
      double dyninkaRps,
      double dyninkaMeanS,
      String dyninkaErrors,
      double openFaasRps,
      double openFaasMeanS,
      String openFaasErrors) {}

  private static final List<PaperRow> PAPER =
      List.of(
          new PaperRow(1, 2.04, 0.49, "0.25%", 1.35, 0.74, "0.0%"),
          new PaperRow(5, 3.67, 1.36, "0.0%", 2.20, 2.24, "0.0%"),
          new PaperRow(10, 4.59, 2.18, "0.0%", 5.18, 1.71, "94.32%"),
          new PaperRow(50, 7.44, 6.75, "18.81%", 3.49, 6.21, "99.03%"));

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Results r;

  ReportWriter(Results results) {
    this.r = results;
  }

  void writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("results.md"), markdown());
    write(dir.resolve("results.csv"), loadCsv());
    write(dir.resolve("rss.csv"), rssCsv());
    write(dir.resolve("hops.csv"), hopsCsv());
    write(dir.resolve("plot.svg"), SvgPlot.render(r));
    write(dir.resolve("readme-table.md"), readmeTable());
  }

  /** Writes beside, then moves: an interrupted run never leaves half a file. */
  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Smart-building chain under load: Dyninka, hand-written Vert.x, gateway\n\n");
    md.append("Reproduce: `")
        .append(r.settings.command())
        .append("` (")
        .append(runLength())
        .append(").\n\n");
    md.append("- When: ")
        .append(WHEN.format(r.started))
        .append(", ")
        .append(minutes(Duration.between(r.started, r.finished)))
        .append(" of measuring\n");
    md.append("- Machine: ")
        .append(r.machine.cpu())
        .append(", ")
        .append(r.machine.cores())
        .append(" cores, ")
        .append(r.machine.memoryMib())
        .append(" MiB, ")
        .append(r.machine.os())
        .append('\n');
    md.append("- Machine load during the run (1-minute load average, every 5 s): min ")
        .append(Fmt.num(r.load.getMin(), 1))
        .append(", mean ")
        .append(Fmt.num(r.load.getAverage(), 1))
        .append(", max ")
        .append(Fmt.num(r.load.getMax(), 1))
        .append(" on ")
        .append(r.machine.cores())
        .append(" cores; it counts runnable threads, and the benchmark's own (hey's workers, every")
        .append(
            " JVM's event loops and JIT) reached 10 to 13 on a 2-core machine with nothing else running, so only a mean well above")
        .append(" that says other work competed for the CPUs\n");
    md.append("- JVM: ")
        .append(r.machine.jvm())
        .append("; every JVM of every system: `")
        .append(r.jvmFlags)
        .append("`\n");
    md.append("- Load: ")
        .append(r.machine.hey())
        .append(", `-z ")
        .append(GoDuration.format(r.settings.duration()))
        .append("` per profile, `-z ")
        .append(GoDuration.format(r.settings.targetDuration()))
        .append("` for ")
        .append(r.targetProfile().label())
        .append("; each system warmed up until its throughput was steady (at most ")
        .append(GoDuration.format(r.settings.warmup()))
        .append("); the systems take turns within each profile\n");
    md.append(
            "- Chain: client → movingAvg → map → filterTemperature → get → sensor endpoint; 5 of 6 rows are not temperatures, ")
        .append("so most answers are 204 after two functions, the rest 200 after four\n\n");

    md.append("## Targets (issue #4)\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (Targets.Row row : Targets.evaluate(r)) {
      md.append("| ")
          .append(row.target())
          .append(" | ")
          .append(row.measured())
          .append(" | ")
          .append(row.verdict())
          .append(" |\n");
    }

    md.append("\n## Throughput and latency per profile\n\n");
    md.append(
            "req/s counts 2xx answers (200 and 204); errors are transport errors and non-2xx answers. ")
        .append(
            "p50/p99 are hey's, with its 0.1 ms resolution. CPU is the user + system time all of the system's service JVMs used during the run ")
        .append(
            "(/proc/<pid>/stat), per answer, the sensor and hey not counted; it includes what the JVMs do besides answering (JIT compilation still going on, GC, timers), ")
        .append("which weighs most where answers are few (1 worker).\n\n");
    md.append(
        "| workers | keep-alive | system | req/s | p50 ms | p99 ms | mean ms | errors % | answers | CPU µs/answer |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Profile p : r.settings.profiles()) {
      for (SystemUnderTest s : r.settings.systems()) {
        r.load(s, p)
            .ifPresent(
                l -> {
                  HeyReport h = l.report();
                  md.append("| ")
                      .append(p.workers())
                      .append(" | ")
                      .append(p.keepAlive() ? "on" : "off")
                      .append(" | ")
                      .append(s.label())
                      .append(" | ")
                      .append(Fmt.rps(h.okRps()))
                      .append(" | ")
                      .append(Fmt.ms(h.p50Ms()))
                      .append(" | ")
                      .append(Fmt.ms(h.p99Ms()))
                      .append(" | ")
                      .append(Fmt.ms(h.meanMs()))
                      .append(" | ")
                      .append(Fmt.num(h.errorPercent(), 2))
                      .append(" | ")
                      .append(h.counted())
                      .append(h.sampled() ? " (hey kept 1M)" : "")
                      .append(" | ")
                      .append(Fmt.num(l.cpuMicrosPerAnswer(), 0))
                      .append(" |\n");
                });
      }
    }

    boolean candidate = r.settings.systems().contains(SystemUnderTest.DYNINKA_CANDIDATE);
    md.append(
        "\n## Ratios\n\nThroughput (req/s) ratios, and CPU per answer relative to hand-written (1.10× = 10% more CPU per answer).\n\n");
    md.append(
            "| workers | keep-alive | Dyninka / hand-written | Dyninka / gateway | CPU per answer, Dyninka / hand-written |")
        .append(
            candidate
                ? " candidate / Dyninka | candidate / hand-written | CPU per answer, candidate / hand-written |\n|---:|---|---:|---:|---:|---:|---:|---:|\n"
                : "\n|---:|---|---:|---:|---:|\n");
    for (Profile p : r.settings.profiles()) {
      md.append("| ")
          .append(p.workers())
          .append(" | ")
          .append(p.keepAlive() ? "on" : "off")
          .append(" | ")
          .append(Fmt.ratio(ratio(p, SystemUnderTest.HAND_WRITTEN)))
          .append(" | ")
          .append(Fmt.ratio(ratio(p, SystemUnderTest.GATEWAY)))
          .append(" | ")
          .append(Fmt.ratio(cpuRatio(SystemUnderTest.DYNINKA, p)))
          .append(" |");
      if (candidate) {
        md.append(' ')
            .append(Fmt.ratio(ratio(SystemUnderTest.DYNINKA_CANDIDATE, p, SystemUnderTest.DYNINKA)))
            .append(" | ")
            .append(
                Fmt.ratio(
                    ratio(SystemUnderTest.DYNINKA_CANDIDATE, p, SystemUnderTest.HAND_WRITTEN)))
            .append(" | ")
            .append(Fmt.ratio(cpuRatio(SystemUnderTest.DYNINKA_CANDIDATE, p)))
            .append(" |");
      }
      md.append('\n');
    }

    md.append("\n## Per-hop overhead from Server-Timing\n\n");
    md.append(
            "One client, sequential requests on one keep-alive connection per system, one system after the other in turn, ")
        .append(r.settings.probeRequests())
        .append(
            " requests to each after 2000 rounds of warm-up. Over full-chain (200) answers: per-hop overhead = (end to end − Σ Server-Timing process time) / 4 functions. ")
        .append(
            "`get`'s process time includes its call to the sensor endpoint, so the overhead is that of the four service hops. ")
        .append(
            "For the gateway chain a \"hop\" is one function invocation: orchestrator → gateway → function and back.\n\n");
    md.append(
        "| system | full-chain answers | end to end p50 ms | process p50 ms | per-hop overhead p50 ms | per-hop mean ms | p50 over all answers ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (SystemUnderTest s : r.settings.systems()) {
      ProbeResult p = r.probes.get(s);
      if (p != null) {
        md.append("| ")
            .append(s.label())
            .append(" | ")
            .append(p.fullChain())
            .append(" | ")
            .append(Fmt.num(p.endToEndP50(), 3))
            .append(" | ")
            .append(Fmt.num(p.processP50(), 3))
            .append(" | ")
            .append(Fmt.num(p.hopOverheadP50(), 3))
            .append(" | ")
            .append(Fmt.num(p.hopOverheadMean(), 3))
            .append(" | ")
            .append(Fmt.num(p.allAnswersP50(), 3))
            .append(" |\n");
      }
    }

    md.append("\n## Start-up: launcher start to all services ready\n\n");
    md.append(
        "`LocalLauncher.start` (what `dyninka:run` calls) until every JVM answers `/health/ready`; the systems start one after the other.\n\n");
    md.append(
        "The first answer is the very first request through the cold chain, after start-up: class loading, connection set-up and the interpreter.\n\n");
    md.append(
        "| system | JVMs | launcher start → all ready, ms | first answer, ms |\n|---|---:|---:|---:|\n");
    for (SystemUnderTest s : r.settings.systems()) {
      Duration d = r.startup.get(s);
      if (d != null) {
        Duration first = r.firstAnswer.get(s);
        md.append("| ")
            .append(s.label())
            .append(" | ")
            .append(r.idleRssKib.getOrDefault(s, Map.of()).size())
            .append(" | ")
            .append(d.toMillis())
            .append(" | ")
            .append(first == null ? "–" : Long.toString(first.toMillis()))
            .append(" |\n");
      }
    }

    md.append("\n## Warm-up: load until throughput is steady\n\n");
    md.append(
            "Rounds of 5 s at 50 workers with keep-alive, the systems in turn, until the last three rounds are within 5% of their mean. ")
        .append(
            "How long a freshly started system runs below its steady speed: mostly the JIT compiling its request path.\n\n");
    md.append(
        "| system | rounds | load until steady | req/s of each round |\n|---|---:|---:|---|\n");
    for (SystemUnderTest s : r.settings.systems()) {
      Results.Warmup w = r.warmup.get(s);
      if (w != null) {
        md.append("| ")
            .append(s.label())
            .append(" | ")
            .append(w.roundRps().size())
            .append(" | ")
            .append(
                w.steady()
                    ? w.total().toSeconds() + " s"
                    : "not steady after " + w.total().toSeconds() + " s")
            .append(" | ")
            .append(String.join(", ", w.roundRps().stream().map(Fmt::rps).toList()))
            .append(" |\n");
      }
    }

    md.append("\n## RSS per service (MiB, VmRSS)\n\n");
    md.append(
        "Idle: after start-up, before any request. Peak: the highest 250 ms sample during all profiles. After: 5 s after the last profile.\n\n");
    md.append(
        "| system | service | idle | peak under load | after load |\n|---|---|---:|---:|---:|\n");
    for (SystemUnderTest s : r.settings.systems()) {
      Map<String, Long> idle = r.idleRssKib.getOrDefault(s, Map.of());
      for (String service : idle.keySet()) {
        md.append("| ")
            .append(s.label())
            .append(" | ")
            .append(service)
            .append(" | ")
            .append(Fmt.mib(idle.get(service)))
            .append(" | ")
            .append(Fmt.mib(r.peakRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)))
            .append(" | ")
            .append(Fmt.mib(r.afterRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)))
            .append(" |\n");
      }
    }

    md.append("\n## Against the paper (keep-alive off, as the paper ran hey)\n\n");
    md.append(
            "The paper's Tables 3–5: 10 minutes per profile on VMs of 1 vCPU across machines, OpenFaaS on Kubernetes. ")
        .append(
            "Here: one 2-core machine, loopback. Different hardware, so compare orders of magnitude and error rates, not ratios.\n\n");
    md.append(
            "| workers | paper Dyninka req/s | paper Dyninka mean s | paper Dyninka errors | paper OpenFaaS req/s | paper OpenFaaS errors | Dyninka req/s | Dyninka mean ms | Dyninka errors % | gateway req/s | gateway errors % |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (PaperRow paper : PAPER) {
      Optional<Profile> profile =
          r.settings.profiles().stream()
              .filter(p -> p.workers() == paper.workers() && !p.keepAlive())
              .findFirst();
      Optional<HeyReport> d =
          profile.flatMap(p -> r.load(SystemUnderTest.DYNINKA, p)).map(Results.Load::report);
      Optional<HeyReport> g =
          profile.flatMap(p -> r.load(SystemUnderTest.GATEWAY, p)).map(Results.Load::report);
      md.append("| ")
          .append(paper.workers())
          .append(" | ")
          .append(paper.dyninkaRps())
          .append(" | ")
          .append(paper.dyninkaMeanS())
          .append(" | ")
          .append(paper.dyninkaErrors())
          .append(" | ")
          .append(paper.openFaasRps())
          .append(" | ")
          .append(paper.openFaasErrors())
          .append(" | ")
          .append(d.map(h -> Fmt.rps(h.okRps())).orElse("–"))
          .append(" | ")
          .append(d.map(h -> Fmt.ms(h.meanMs())).orElse("–"))
          .append(" | ")
          .append(d.map(h -> Fmt.num(h.errorPercent(), 2)).orElse("–"))
          .append(" | ")
          .append(g.map(h -> Fmt.rps(h.okRps())).orElse("–"))
          .append(" | ")
          .append(g.map(h -> Fmt.num(h.errorPercent(), 2)).orElse("–"))
          .append(" |\n");
    }

    md.append("\n## Plot\n\n![throughput and p99 latency against workers](plot.svg)\n");

    md.append("\n## How the systems differ\n\n");
    md.append(
        "- **Dyninka**: the services the annotation processor generated from `SmartBuilding`, on the Dyninka runtime, started by `LocalLauncher` (4 JVMs).\n");
    if (candidate) {
      md.append("- **Dyninka, candidate**: the same services")
          .append(
              r.settings.candidateRuntime() == null
                  ? ""
                  : " on the runtime `" + r.settings.candidateRuntime() + "`")
          .append(
              r.settings.candidateEnvironment().isEmpty()
                  ? ""
                  : " with " + r.settings.candidateEnvironment())
          .append(": a change measured before it lands, side by side with the current runtime.\n");
    }
    md.append(
        "- **hand-written Vert.x**: `HandWrittenChain`, four Vert.x services that pull their upstream like Dyninka's, with no router, hand-written JSON and no validation; same launcher, flags and pool sizes (4 JVMs).\n");
    md.append(
        "- **gateway + orchestrator**: `GatewayChain`, the paper's Listing 4 — the orchestrator calls each function in turn through one central gateway, and clients call the orchestrator through the gateway (6 JVMs: 4 functions, gateway, orchestrator). Leaner than OpenFaaS: no watchdog, queue or metrics.\n");
    md.append(
        "- All three call the same user functions (`SmartBuilding.get/filterTemperature/map/movingAvg`), run `movingAvg` as a single instance because it keeps state, and answer 204 for filtered rows. The sensor endpoint is one JVM shared by all.\n");
    if (!r.notes.isEmpty()) {
      md.append("\n## Notes from this run\n\n");
      r.notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  /** The short table for the project README. */
  String readmeTable() {
    StringBuilder md = new StringBuilder();
    md.append(
        "| workers | keep-alive | Dyninka req/s | hand-written req/s | gateway req/s | Dyninka p50 / p99 ms | Dyninka errors |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|\n");
    for (Profile p : r.settings.profiles()) {
      Optional<HeyReport> d = r.load(SystemUnderTest.DYNINKA, p).map(Results.Load::report);
      md.append("| ")
          .append(p.workers())
          .append(" | ")
          .append(p.keepAlive() ? "on" : "off")
          .append(" | ")
          .append(rps(p, SystemUnderTest.DYNINKA))
          .append(" | ")
          .append(rps(p, SystemUnderTest.HAND_WRITTEN))
          .append(" | ")
          .append(rps(p, SystemUnderTest.GATEWAY))
          .append(" | ")
          .append(d.map(h -> Fmt.ms(h.p50Ms()) + " / " + Fmt.ms(h.p99Ms())).orElse("–"))
          .append(" | ")
          .append(d.map(h -> Fmt.num(h.errorPercent(), 2) + "%").orElse("–"))
          .append(" |\n");
    }
    md.append("\n")
        .append(r.machine.cores())
        .append(" cores, every service its own JVM on loopback, hey ")
        .append(GoDuration.format(r.settings.duration()))
        .append(" per profile (")
        .append(GoDuration.format(r.settings.targetDuration()))
        .append(" at ")
        .append(r.targetProfile().workers())
        .append(" workers with keep-alive). Reproduce with `")
        .append(r.settings.command())
        .append("`; full results in `benchmarks/results/results.md`.\n");
    return md.toString();
  }

  String loadCsv() {
    StringBuilder csv =
        new StringBuilder(
            "system,workers,keep_alive,duration_s,answers,ok,failed,error_pct,ok_rps,hey_rps,p50_ms,p99_ms,mean_ms,ratio_vs_handwritten,ratio_vs_gateway,peak_rss_mib_sum,cpu_us_per_answer\n");
    for (Results.Load l : r.loads) {
      HeyReport h = l.report();
      Profile p = l.profile();
      long rssSum =
          l.peakRssKib().values().stream().mapToLong(Long::longValue).filter(v -> v > 0).sum();
      boolean dyninka = l.system() == SystemUnderTest.DYNINKA;
      csv.append(l.system().id())
          .append(',')
          .append(p.workers())
          .append(',')
          .append(p.keepAlive())
          .append(',')
          .append(p.duration().toSeconds())
          .append(',')
          .append(h.counted())
          .append(',')
          .append(h.ok())
          .append(',')
          .append(h.failed())
          .append(',')
          .append(Fmt.csv(h.errorPercent(), 3))
          .append(',')
          .append(Fmt.csv(h.okRps(), 1))
          .append(',')
          .append(Fmt.csv(h.heyRps(), 1))
          .append(',')
          .append(Fmt.csv(h.p50Ms(), 2))
          .append(',')
          .append(Fmt.csv(h.p99Ms(), 2))
          .append(',')
          .append(Fmt.csv(h.meanMs(), 3))
          .append(',')
          .append(dyninka ? Fmt.csv(ratio(p, SystemUnderTest.HAND_WRITTEN), 3) : "")
          .append(',')
          .append(dyninka ? Fmt.csv(ratio(p, SystemUnderTest.GATEWAY), 3) : "")
          .append(',')
          .append(Fmt.csv(rssSum / 1024.0, 1))
          .append(',')
          .append(Fmt.csv(l.cpuMicrosPerAnswer(), 1))
          .append('\n');
    }
    return csv.toString();
  }

  String rssCsv() {
    StringBuilder csv = new StringBuilder("system,service,idle_mib,peak_mib,after_load_mib\n");
    for (SystemUnderTest s : r.settings.systems()) {
      Map<String, Long> idle = r.idleRssKib.getOrDefault(s, Map.of());
      for (String service : idle.keySet()) {
        csv.append(s.id())
            .append(',')
            .append(service)
            .append(',')
            .append(Fmt.csv(idle.get(service) / 1024.0, 1))
            .append(',')
            .append(
                Fmt.csv(
                    r.peakRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L) / 1024.0, 1))
            .append(',')
            .append(
                Fmt.csv(
                    r.afterRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L) / 1024.0, 1))
            .append('\n');
      }
    }
    return csv.toString();
  }

  String hopsCsv() {
    StringBuilder csv =
        new StringBuilder(
            "system,startup_ms,first_answer_ms,probe_requests,full_chain_answers,e2e_p50_ms,process_p50_ms,hop_overhead_p50_ms,hop_overhead_mean_ms,all_answers_p50_ms\n");
    for (SystemUnderTest s : r.settings.systems()) {
      ProbeResult p = r.probes.get(s);
      Duration d = r.startup.get(s);
      Duration first = r.firstAnswer.get(s);
      csv.append(s.id())
          .append(',')
          .append(d == null ? "" : Long.toString(d.toMillis()))
          .append(',')
          .append(first == null ? "" : Long.toString(first.toMillis()));
      if (p == null) {
        csv.append(",,,,,,,\n");
      } else {
        csv.append(',')
            .append(p.requests())
            .append(',')
            .append(p.fullChain())
            .append(',')
            .append(Fmt.csv(p.endToEndP50(), 4))
            .append(',')
            .append(Fmt.csv(p.processP50(), 4))
            .append(',')
            .append(Fmt.csv(p.hopOverheadP50(), 4))
            .append(',')
            .append(Fmt.csv(p.hopOverheadMean(), 4))
            .append(',')
            .append(Fmt.csv(p.allAnswersP50(), 4))
            .append('\n');
      }
    }
    return csv.toString();
  }

  private double ratio(Profile p, SystemUnderTest other) {
    return ratio(SystemUnderTest.DYNINKA, p, other);
  }

  private double ratio(SystemUnderTest system, Profile p, SystemUnderTest other) {
    Optional<Results.Load> d = r.load(system, p);
    Optional<Results.Load> o = r.load(other, p);
    return d.isPresent() && o.isPresent()
        ? d.get().report().okRps() / o.get().report().okRps()
        : Double.NaN;
  }

  /** CPU per answer of {@code system} over that of the hand-written chain, in profile {@code p}. */
  private double cpuRatio(SystemUnderTest system, Profile p) {
    Optional<Results.Load> s = r.load(system, p);
    Optional<Results.Load> h = r.load(SystemUnderTest.HAND_WRITTEN, p);
    return s.isPresent() && h.isPresent()
        ? s.get().cpuMicrosPerAnswer() / h.get().cpuMicrosPerAnswer()
        : Double.NaN;
  }

  private String rps(Profile p, SystemUnderTest s) {
    return r.load(s, p).map(l -> Fmt.rps(l.report().okRps())).orElse("–");
  }

  private String runLength() {
    return GoDuration.format(r.settings.duration())
        + " per profile, "
        + GoDuration.format(r.settings.targetDuration())
        + " for the target profile";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min " + d.toSecondsPart() + " s";
  }
}
