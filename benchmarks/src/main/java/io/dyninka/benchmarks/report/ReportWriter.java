package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.measure.GoDuration;
import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run's results: {@code results.md} (the report, one method per section), the CSVs of
 * {@link ResultsCsv}, {@code plot.svg}, and {@code readme-table.md} (the short table for the
 * project README).
 */
public final class ReportWriter {

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
  private final ResultsCsv csv;

  public ReportWriter(Results results) {
    this.r = results;
    this.csv = new ResultsCsv(results);
  }

  public void writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("results.md"), markdown());
    write(dir.resolve("results.csv"), csv.load());
    write(dir.resolve("rss.csv"), csv.rss());
    write(dir.resolve("hops.csv"), csv.hops());
    write(dir.resolve("plot.svg"), SvgPlot.render(r));
    write(dir.resolve("readme-table.md"), readmeTable());
  }

  /** Writes beside, then moves: an interrupted run never leaves half a file. */
  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** {@code results.md}: the sections below, in this order. */
  String markdown() {
    List<String> sections = new ArrayList<>();
    sections.add(header());
    sections.add(targets());
    sections.add(throughputAndLatency());
    sections.add(ratios());
    sections.add(perHopOverhead());
    sections.add(startup());
    sections.add(warmup());
    sections.add(rss());
    sections.add(againstThePaper());
    sections.add(plot());
    sections.add(howTheSystemsDiffer());
    if (!r.notes.isEmpty()) {
      sections.add(notes());
    }
    return String.join("\n", sections);
  }

  /** A section: its title, then blocks (paragraphs, tables, lists) with a blank line between. */
  private static String section(String title, String... blocks) {
    return "## " + title + "\n\n" + String.join("\n", blocks);
  }

  /** How to reproduce the run, and what it ran on and with. */
  private String header() {
    return "# Smart-building chain under load: Dyninka, hand-written Vert.x, gateway\n\n"
        + ("Reproduce: `" + r.settings.command() + "` (" + runLength() + ").\n\n")
        + ("- When: "
            + WHEN.format(r.started)
            + ", "
            + minutes(Duration.between(r.started, r.finished))
            + " of measuring\n")
        + ("- Machine: "
            + r.machine.cpu()
            + ", "
            + r.machine.cores()
            + " cores, "
            + r.machine.memoryMib()
            + " MiB, "
            + r.machine.os()
            + "\n")
        + ("- Machine load during the run (1-minute load average, every 5 s): min "
            + Fmt.num(r.load.getMin(), 1)
            + ", mean "
            + Fmt.num(r.load.getAverage(), 1)
            + ", max "
            + Fmt.num(r.load.getMax(), 1)
            + " on "
            + r.machine.cores()
            + " cores; it counts runnable threads, and the benchmark's own (hey's workers, every"
            + " JVM's event loops and JIT) reached 10 to 13 on a 2-core machine with nothing else"
            + " running, so only a mean well above that says other work competed for the CPUs\n")
        + ("- JVM: " + r.machine.jvm() + "; every JVM of every system: `" + r.jvmFlags + "`\n")
        + ("- Load: "
            + r.machine.hey()
            + ", `-z "
            + GoDuration.format(r.settings.duration())
            + "` per profile, `-z "
            + GoDuration.format(r.settings.targetDuration())
            + "` for "
            + r.targetProfile().label()
            + "; each system warmed up until its throughput was steady (at most "
            + GoDuration.format(r.settings.warmup())
            + "); the systems take turns within each profile\n")
        + "- Chain: client → movingAvg → map → filterTemperature → get → sensor endpoint; 5 of 6"
        + " rows are not temperatures, so most answers are 204 after two functions, the rest 200"
        + " after four\n";
  }

  private String targets() {
    MarkdownTable table = new MarkdownTable().left("target").left("measured").left("verdict");
    for (Targets.Row row : Targets.evaluate(r)) {
      table.row(row.target(), row.measured(), row.verdict());
    }
    return section("Targets (issue #4)", table.toString());
  }

  /** Every profile of every system: hey's figures and the CPU per answer. */
  private String throughputAndLatency() {
    MarkdownTable table =
        new MarkdownTable()
            .right("workers")
            .left("keep-alive")
            .left("system")
            .right("req/s")
            .right("p50 ms")
            .right("p99 ms")
            .right("mean ms")
            .right("errors %")
            .right("answers")
            .right("CPU µs/answer");
    for (Profile p : r.settings.profiles()) {
      for (SystemUnderTest s : r.settings.systems()) {
        r.load(s, p)
            .ifPresent(
                l -> {
                  HeyReport h = l.report();
                  table.row(
                      p.workers(),
                      onOff(p.keepAlive()),
                      s.label(),
                      Fmt.rps(h.okRps()),
                      Fmt.ms(h.p50Ms()),
                      Fmt.ms(h.p99Ms()),
                      Fmt.ms(h.meanMs()),
                      Fmt.num(h.errorPercent(), 2),
                      h.counted() + (h.sampled() ? " (hey kept 1M)" : ""),
                      Fmt.num(l.cpuMicrosPerAnswer(), 0));
                });
      }
    }
    return section(
        "Throughput and latency per profile",
        "req/s counts 2xx answers (200 and 204); errors are transport errors and non-2xx answers."
            + " p50/p99 are hey's, with its 0.1 ms resolution. CPU is the user + system time all of"
            + " the system's service JVMs used during the run (/proc/<pid>/stat), per answer, the"
            + " sensor and hey not counted; it includes what the JVMs do besides answering (JIT"
            + " compilation still going on, GC, timers), which weighs most where answers are few"
            + " (1 worker).\n",
        table.toString());
  }

  /** Dyninka against each baseline, and the candidate against Dyninka when it ran. */
  private String ratios() {
    boolean candidate = r.settings.systems().contains(SystemUnderTest.DYNINKA_CANDIDATE);
    MarkdownTable table =
        new MarkdownTable()
            .right("workers")
            .left("keep-alive")
            .right("Dyninka / hand-written")
            .right("Dyninka / gateway")
            .right("CPU per answer, Dyninka / hand-written");
    if (candidate) {
      table
          .right("candidate / Dyninka")
          .right("candidate / hand-written")
          .right("CPU per answer, candidate / hand-written");
    }
    for (Profile p : r.settings.profiles()) {
      List<Object> cells = new ArrayList<>();
      cells.add(p.workers());
      cells.add(onOff(p.keepAlive()));
      cells.add(Fmt.ratio(r.ratio(SystemUnderTest.DYNINKA, p, SystemUnderTest.HAND_WRITTEN)));
      cells.add(Fmt.ratio(r.ratio(SystemUnderTest.DYNINKA, p, SystemUnderTest.GATEWAY)));
      cells.add(Fmt.ratio(r.cpuRatio(SystemUnderTest.DYNINKA, p)));
      if (candidate) {
        SystemUnderTest c = SystemUnderTest.DYNINKA_CANDIDATE;
        cells.add(Fmt.ratio(r.ratio(c, p, SystemUnderTest.DYNINKA)));
        cells.add(Fmt.ratio(r.ratio(c, p, SystemUnderTest.HAND_WRITTEN)));
        cells.add(Fmt.ratio(r.cpuRatio(c, p)));
      }
      table.row(cells.toArray());
    }
    return section(
        "Ratios",
        "Throughput (req/s) ratios, and CPU per answer relative to hand-written (1.10× = 10% more"
            + " CPU per answer).\n",
        table.toString());
  }

  /** What the Server-Timing probe measured. */
  private String perHopOverhead() {
    MarkdownTable table =
        new MarkdownTable()
            .left("system")
            .right("full-chain answers")
            .right("end to end p50 ms")
            .right("process p50 ms")
            .right("per-hop overhead p50 ms")
            .right("per-hop mean ms")
            .right("p50 over all answers ms");
    for (SystemUnderTest s : r.settings.systems()) {
      ProbeResult p = r.probes.get(s);
      if (p != null) {
        table.row(
            s.label(),
            p.fullChain(),
            Fmt.num(p.endToEndP50(), 3),
            Fmt.num(p.processP50(), 3),
            Fmt.num(p.hopOverheadP50(), 3),
            Fmt.num(p.hopOverheadMean(), 3),
            Fmt.num(p.allAnswersP50(), 3));
      }
    }
    return section(
        "Per-hop overhead from Server-Timing",
        "One client, sequential requests on one keep-alive connection per system, one system after"
            + " the other in turn, "
            + r.settings.probeRequests()
            + " requests to each after 2000 rounds of warm-up. Over full-chain (200) answers:"
            + " per-hop overhead = (end to end − Σ Server-Timing process time) / 4 functions."
            + " `get`'s process time includes its call to the sensor endpoint, so the overhead is"
            + " that of the four service hops. For the gateway chain a \"hop\" is one function"
            + " invocation: orchestrator → gateway → function and back.\n",
        table.toString());
  }

  private String startup() {
    MarkdownTable table =
        new MarkdownTable()
            .left("system")
            .right("JVMs")
            .right("launcher start → all ready, ms")
            .right("first answer, ms");
    for (SystemUnderTest s : r.settings.systems()) {
      Duration ready = r.startup.get(s);
      if (ready != null) {
        Duration first = r.firstAnswer.get(s);
        table.row(
            s.label(),
            r.idleRssKib.getOrDefault(s, Map.of()).size(),
            ready.toMillis(),
            first == null ? "–" : Long.toString(first.toMillis()));
      }
    }
    return section(
        "Start-up: launcher start to all services ready",
        "`LocalLauncher.start` (what `dyninka:run` calls) until every JVM answers `/health/ready`;"
            + " the systems start one after the other.\n",
        "The first answer is the very first request through the cold chain, after start-up: class"
            + " loading, connection set-up and the interpreter.\n",
        table.toString());
  }

  private String warmup() {
    MarkdownTable table =
        new MarkdownTable()
            .left("system")
            .right("rounds")
            .right("load until steady")
            .left("req/s of each round");
    for (SystemUnderTest s : r.settings.systems()) {
      Results.Warmup w = r.warmup.get(s);
      if (w != null) {
        table.row(
            s.label(),
            w.roundRps().size(),
            w.steady()
                ? w.total().toSeconds() + " s"
                : "not steady after " + w.total().toSeconds() + " s",
            String.join(", ", w.roundRps().stream().map(Fmt::rps).toList()));
      }
    }
    return section(
        "Warm-up: load until throughput is steady",
        "Rounds of 5 s at 50 workers with keep-alive, the systems in turn, until the last three"
            + " rounds are within 5% of their mean. How long a freshly started system runs below"
            + " its steady speed: mostly the JIT compiling its request path.\n",
        table.toString());
  }

  private String rss() {
    MarkdownTable table =
        new MarkdownTable()
            .left("system")
            .left("service")
            .right("idle")
            .right("peak under load")
            .right("after load");
    for (SystemUnderTest s : r.settings.systems()) {
      Map<String, Long> idle = r.idleRssKib.getOrDefault(s, Map.of());
      for (String service : idle.keySet()) {
        table.row(
            s.label(),
            service,
            Fmt.mib(idle.get(service)),
            Fmt.mib(r.peakRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)),
            Fmt.mib(r.afterRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)));
      }
    }
    return section(
        "RSS per service (MiB, VmRSS)",
        "Idle: after start-up, before any request. Peak: the highest 250 ms sample during all"
            + " profiles. After: 5 s after the last profile.\n",
        table.toString());
  }

  /** The paper's figures beside this run's, keep-alive off. */
  private String againstThePaper() {
    MarkdownTable table =
        new MarkdownTable()
            .right("workers")
            .right("paper Dyninka req/s")
            .right("paper Dyninka mean s")
            .right("paper Dyninka errors")
            .right("paper OpenFaaS req/s")
            .right("paper OpenFaaS errors")
            .right("Dyninka req/s")
            .right("Dyninka mean ms")
            .right("Dyninka errors %")
            .right("gateway req/s")
            .right("gateway errors %");
    for (PaperRow paper : PAPER) {
      Optional<Profile> profile =
          r.settings.profiles().stream()
              .filter(p -> p.workers() == paper.workers() && !p.keepAlive())
              .findFirst();
      Optional<HeyReport> d =
          profile.flatMap(p -> r.load(SystemUnderTest.DYNINKA, p)).map(Results.Load::report);
      Optional<HeyReport> g =
          profile.flatMap(p -> r.load(SystemUnderTest.GATEWAY, p)).map(Results.Load::report);
      table.row(
          paper.workers(),
          paper.dyninkaRps(),
          paper.dyninkaMeanS(),
          paper.dyninkaErrors(),
          paper.openFaasRps(),
          paper.openFaasErrors(),
          d.map(h -> Fmt.rps(h.okRps())).orElse("–"),
          d.map(h -> Fmt.ms(h.meanMs())).orElse("–"),
          d.map(h -> Fmt.num(h.errorPercent(), 2)).orElse("–"),
          g.map(h -> Fmt.rps(h.okRps())).orElse("–"),
          g.map(h -> Fmt.num(h.errorPercent(), 2)).orElse("–"));
    }
    return section(
        "Against the paper (keep-alive off, as the paper ran hey)",
        "The paper's Tables 3–5: 10 minutes per profile on VMs of 1 vCPU across machines, OpenFaaS"
            + " on Kubernetes. Here: one 2-core machine, loopback. Different hardware, so compare"
            + " orders of magnitude and error rates, not ratios.\n",
        table.toString());
  }

  private static String plot() {
    return section("Plot", "![throughput and p99 latency against workers](plot.svg)\n");
  }

  private String howTheSystemsDiffer() {
    StringBuilder list = new StringBuilder();
    list.append(
        "- **Dyninka**: the services the annotation processor generated from `SmartBuilding`, on"
            + " the Dyninka runtime, started by `LocalLauncher` (4 JVMs).\n");
    if (r.settings.systems().contains(SystemUnderTest.DYNINKA_CANDIDATE)) {
      list.append("- **Dyninka, candidate**: the same services")
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
    list.append(
        "- **hand-written Vert.x**: `HandWrittenChain`, four Vert.x services that pull their"
            + " upstream like Dyninka's, with no router, hand-written JSON and no validation; same"
            + " launcher, flags and pool sizes (4 JVMs).\n");
    list.append(
        "- **gateway + orchestrator**: `GatewayChain`, the paper's Listing 4 — the orchestrator"
            + " calls each function in turn through one central gateway, and clients call the"
            + " orchestrator through the gateway (6 JVMs: 4 functions, gateway, orchestrator)."
            + " Leaner than OpenFaaS: no watchdog, queue or metrics.\n");
    list.append(
        "- All three call the same user functions"
            + " (`SmartBuilding.get/filterTemperature/map/movingAvg`), run `movingAvg` as a single"
            + " instance because it keeps state, and answer 204 for filtered rows. The sensor"
            + " endpoint is one JVM shared by all.\n");
    return section("How the systems differ", list.toString());
  }

  private String notes() {
    StringBuilder list = new StringBuilder();
    r.notes.forEach(n -> list.append("- ").append(n).append('\n'));
    return section("Notes from this run", list.toString());
  }

  /** The short table for the project README. */
  public String readmeTable() {
    MarkdownTable table =
        new MarkdownTable()
            .right("workers")
            .left("keep-alive")
            .right("Dyninka req/s")
            .right("hand-written req/s")
            .right("gateway req/s")
            .right("Dyninka p50 / p99 ms")
            .right("Dyninka errors");
    for (Profile p : r.settings.profiles()) {
      Optional<HeyReport> d = r.load(SystemUnderTest.DYNINKA, p).map(Results.Load::report);
      table.row(
          p.workers(),
          onOff(p.keepAlive()),
          rps(p, SystemUnderTest.DYNINKA),
          rps(p, SystemUnderTest.HAND_WRITTEN),
          rps(p, SystemUnderTest.GATEWAY),
          d.map(h -> Fmt.ms(h.p50Ms()) + " / " + Fmt.ms(h.p99Ms())).orElse("–"),
          d.map(h -> Fmt.num(h.errorPercent(), 2) + "%").orElse("–"));
    }
    return table
        + "\n"
        + r.machine.cores()
        + " cores, every service its own JVM on loopback, hey "
        + GoDuration.format(r.settings.duration())
        + " per profile ("
        + GoDuration.format(r.settings.targetDuration())
        + " at "
        + r.targetProfile().workers()
        + " workers with keep-alive). Reproduce with `"
        + r.settings.command()
        + "`; full results in `benchmarks/results/results.md`.\n";
  }

  private String rps(Profile p, SystemUnderTest s) {
    return r.load(s, p).map(l -> Fmt.rps(l.report().okRps())).orElse("–");
  }

  private static String onOff(boolean keepAlive) {
    return keepAlive ? "on" : "off";
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
