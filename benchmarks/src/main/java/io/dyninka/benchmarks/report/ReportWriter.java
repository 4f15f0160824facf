package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.measure.GoDuration;
import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.run.Flow;
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
    for (Flow flow : r.settings.flows()) {
      sections.add(throughputAndLatency(flow));
      sections.add(ratios(flow));
    }
    sections.add(perHopOverhead());
    sections.add(startup());
    sections.add(warmup());
    sections.add(rss());
    if (r.settings.flows().contains(Flow.SMART_BUILDING)) {
      sections.add(againstThePaper());
    }
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
    return "# "
        + String.join(" and ", r.settings.flows().stream().map(Flow::label).toList())
        + " under load: Dyninka against hand-written Vert.x"
        + (r.settings.systems().contains(SystemUnderTest.GATEWAY) ? " and a gateway" : "")
        + "\n\n"
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
            + "); the flows run one after the other, the systems of a flow take turns within"
            + " each profile\n")
        + flows();
  }

  private String flows() {
    StringBuilder list = new StringBuilder();
    for (Flow flow : r.settings.flows()) {
      list.append("- ").append(flow.label()).append(": ").append(flow.description());
      if (flow.body() != null) {
        list.append(" (`hey -m POST -T application/json -D` a file of `").append(flow.body());
        list.append("`)");
      }
      list.append('\n');
    }
    return list.toString();
  }

  private String targets() {
    MarkdownTable table = new MarkdownTable().left("target").left("measured").left("verdict");
    for (Targets.Row row : Targets.evaluate(r)) {
      table.row(row.target(), row.measured(), row.verdict());
    }
    return section(
        "Targets (issues #4, #12, #14)",
        "Measured, never asserted: a missed target is a finding of the run. #12's targets hold"
            + " for every profile; the table names the worst one.\n",
        table.toString());
  }

  /** Every profile of every system of {@code flow}: hey's figures and the CPU per answer. */
  private String throughputAndLatency(Flow flow) {
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
      for (SystemUnderTest s : r.settings.systems(flow)) {
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
        flow.label() + ": throughput and latency per profile",
        "req/s counts 2xx answers (200 and 204); errors are transport errors and non-2xx answers."
            + " p50/p99 are hey's, with its 0.1 ms resolution. CPU is the user + system time all of"
            + " the system's service JVMs used during the run (/proc/<pid>/stat), per answer, the"
            + " sensor and hey not counted; it includes what the JVMs do besides answering (JIT"
            + " compilation still going on, GC, timers), which weighs most where answers are few"
            + " (1 worker).\n",
        table.toString());
  }

  /**
   * Each system of {@code flow} against its hand-written twin (and Dyninka against the gateway),
   * and the candidate against Dyninka when it ran.
   */
  private String ratios(Flow flow) {
    List<SystemUnderTest> systems = r.settings.systems(flow);
    SystemUnderTest twin =
        SystemUnderTest.of(flow, SystemUnderTest.Kind.HAND_WRITTEN).orElseThrow();
    SystemUnderTest dyninka = SystemUnderTest.of(flow, SystemUnderTest.Kind.DYNINKA).orElseThrow();
    List<SystemUnderTest> against =
        systems.stream()
            .filter(s -> s != twin && s.kind() != SystemUnderTest.Kind.GATEWAY)
            .toList();
    boolean gateway = systems.contains(SystemUnderTest.GATEWAY);
    SystemUnderTest candidate =
        SystemUnderTest.of(flow, SystemUnderTest.Kind.CANDIDATE)
            .filter(systems::contains)
            .orElse(null);
    MarkdownTable table = new MarkdownTable().right("workers").left("keep-alive");
    for (SystemUnderTest s : against) {
      table.right(s.label() + " / hand-written");
    }
    if (gateway) {
      table.right("Dyninka / gateway");
    }
    for (SystemUnderTest s : against) {
      table.right("CPU per answer, " + s.label() + " / hand-written");
    }
    for (SystemUnderTest s : against) {
      table.right("p99, " + s.label() + " / hand-written");
    }
    if (candidate != null) {
      table.right("candidate / Dyninka");
    }
    for (Profile p : r.settings.profiles()) {
      List<Object> cells = new ArrayList<>();
      cells.add(p.workers());
      cells.add(onOff(p.keepAlive()));
      for (SystemUnderTest s : against) {
        cells.add(Fmt.ratio(r.ratio(s, p, twin)));
      }
      if (gateway) {
        cells.add(Fmt.ratio(r.ratio(dyninka, p, SystemUnderTest.GATEWAY)));
      }
      for (SystemUnderTest s : against) {
        cells.add(Fmt.ratio(r.cpuRatio(s, p)));
      }
      for (SystemUnderTest s : against) {
        cells.add(Fmt.ratio(r.p99Ratio(s, p)));
      }
      if (candidate != null) {
        cells.add(Fmt.ratio(r.ratio(candidate, p, dyninka)));
      }
      table.row(cells.toArray());
    }
    return section(
        flow.label() + ": ratios",
        "Throughput (req/s) ratios, and CPU per answer and p99 relative to the hand-written twin"
            + " (1.10× = 10% more).\n",
        table.toString());
  }

  /** What the Server-Timing probe measured. */
  private String perHopOverhead() {
    MarkdownTable table =
        new MarkdownTable()
            .left("flow")
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
            s.flow().label(),
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
            + " per-hop overhead = (end to end − Σ Server-Timing process time) / 4, the service"
            + " hops of the longest path (smart-building: four functions in a row; orders:"
            + " invoice → price → skipFree → validate, vatRate pulled alongside). `get`'s process"
            + " time includes its call to the sensor endpoint, so the overhead is that of the"
            + " service hops. For the gateway chain a \"hop\" is one function invocation:"
            + " orchestrator → gateway → function and back. All in one JVM, a hop is a direct"
            + " call. A hand-written twin's process time includes its JSON decoding and encoding,"
            + " Dyninka's is the user function's alone, so the twin's per-hop figure leaves out"
            + " work that Dyninka's counts.\n",
        table.toString());
  }

  private String startup() {
    MarkdownTable table =
        new MarkdownTable()
            .left("flow")
            .left("system")
            .right("JVMs")
            .right("launcher start → all ready, ms")
            .right("first answer, ms");
    for (SystemUnderTest s : r.settings.systems()) {
      Duration ready = r.startup.get(s);
      if (ready != null) {
        Duration first = r.firstAnswer.get(s);
        table.row(
            s.flow().label(),
            s.label(),
            r.idleRssKib.getOrDefault(s, Map.of()).size(),
            ready.toMillis(),
            first == null ? "–" : Long.toString(first.toMillis()));
      }
    }
    return section(
        "Start-up: launcher start to all services ready",
        "`LocalLauncher.start` (what `dyninka:run` calls) until every JVM answers `/health/ready`;"
            + " the systems of a flow start one after the other.\n",
        "The first answer is the very first request through the cold chain, after start-up: class"
            + " loading, connection set-up and the interpreter.\n",
        table.toString());
  }

  private String warmup() {
    MarkdownTable table =
        new MarkdownTable()
            .left("flow")
            .left("system")
            .right("first request → 90% of steady")
            .right("steady req/s")
            .right("load until steady")
            .left("first load, 2xx answers per second")
            .left("req/s of each round after it");
    for (SystemUnderTest s : r.settings.systems()) {
      Results.Warmup w = r.warmup.get(s);
      if (w != null) {
        table.row(
            s.flow().label(),
            s.label(),
            w.timeTo90()
                .map(d -> d.toSeconds() + " s")
                .orElse(w.steady() ? "not reached" : "– (not steady)"),
            Fmt.rps(w.steadyRps()),
            w.steady()
                ? w.total().toSeconds() + " s"
                : "not steady after " + w.total().toSeconds() + " s",
            String.join(" ", w.firstLoadPerSecond().stream().map(String::valueOf).toList()),
            String.join(", ", w.roundRps().stream().map(Fmt::rps).toList()));
      }
    }
    return section(
        "Warm-up: from the first request to steady throughput",
        "Right after the first answers, each system in turn gets a first load at 50 workers with"
            + " keep-alive, read answer by answer (`hey -o csv`), then rounds of 5 s, the systems in"
            + " turn, until its last three rounds are within 5% of their mean: the steady req/s."
            + " First request → 90%: the load time until the end of the first second (or round)"
            + " at 90% of that, or more. How long a freshly started system runs below its steady"
            + " speed: mostly the JIT compiling its request path.\n",
        table.toString());
  }

  private String rss() {
    MarkdownTable table =
        new MarkdownTable()
            .left("flow")
            .left("system")
            .left("process")
            .right("idle")
            .right("peak under load")
            .right("after load");
    for (SystemUnderTest s : r.settings.systems()) {
      Map<String, Long> idle = r.idleRssKib.getOrDefault(s, Map.of());
      for (String service : idle.keySet()) {
        table.row(
            s.flow().label(),
            s.label(),
            service,
            Fmt.mib(idle.get(service)),
            Fmt.mib(r.peakRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)),
            Fmt.mib(r.afterRssKib.getOrDefault(s, Map.of()).getOrDefault(service, -1L)));
      }
    }
    return section(
        "RSS per process (MiB, VmRSS)",
        "One row per JVM: a service, or the services that share it (co-located), named by its"
            + " members."
            + " Idle: after start-up, before any request. Peak: the highest 250 ms sample during all"
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
    boolean smartBuilding = r.settings.flows().contains(Flow.SMART_BUILDING);
    boolean orders = r.settings.flows().contains(Flow.ORDERS);
    list.append("- **Dyninka**: the services the annotation processor generated from ")
        .append(smartBuilding ? "`SmartBuilding` (4 JVMs)" : "")
        .append(smartBuilding && orders ? " and from " : "")
        .append(orders ? "the it-tests' `Orders` (5 JVMs)" : "")
        .append(", on the Dyninka runtime, started by `LocalLauncher` with default settings.\n");
    if (r.settings.hasCandidate()) {
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
    if (r.settings.systems().stream().anyMatch(s -> s.kind() == SystemUnderTest.Kind.COLOCATED)) {
      list.append(
          "- **Dyninka, all in one JVM**: the same services co-located,"
              + " `LocalLauncher.start(manifest, Placement.parse(\"all\", manifest))`: one process,"
              + " a hop between two services a direct call, the sink still answering HTTP.\n");
    }
    if (smartBuilding) {
      list.append(
          "- **hand-written Vert.x** (smart-building): `HandWrittenChain`, four Vert.x services"
              + " that pull their upstream like Dyninka's, with no router, hand-written JSON and no"
              + " validation; same launcher, flags and pool sizes (4 JVMs).\n");
    }
    if (orders) {
      list.append(
          "- **hand-written Vert.x** (orders): `HandWrittenOrders`, five Vert.x + Jackson"
              + " services doing the same protocol work: the POST body forwarded up to both heads,"
              + " invoice's two inputs pulled concurrently, records as JSON, pooled keep-alive"
              + " connections, 204 for filtered orders, Server-Timing; invoice one instance (5"
              + " JVMs).\n");
    }
    if (r.settings.systems().contains(SystemUnderTest.GATEWAY)) {
      list.append(
          "- **gateway + orchestrator**: `GatewayChain`, the paper's Listing 4 — the orchestrator"
              + " calls each function in turn through one central gateway, and clients call the"
              + " orchestrator through the gateway (6 JVMs: 4 functions, gateway, orchestrator)."
              + " Leaner than OpenFaaS: no watchdog, queue or metrics.\n");
    }
    list.append(
        "- The systems of a flow call the same user functions, run the stateful one (`movingAvg`,"
            + " `invoice`) as a single instance, and answer 204 for filtered items."
            + (smartBuilding ? " The sensor endpoint is one JVM shared by all." : "")
            + "\n");
    return section("How the systems differ", list.toString());
  }

  private String notes() {
    StringBuilder list = new StringBuilder();
    r.notes.forEach(n -> list.append("- ").append(n).append('\n'));
    return section("Notes from this run", list.toString());
  }

  /**
   * The short tables for the project README: per flow, Dyninka against its hand-written twin (and
   * the gateway, and all in one JVM, when they ran), with the ratios.
   */
  public String readmeTable() {
    StringBuilder out = new StringBuilder();
    for (Flow flow : r.settings.flows()) {
      out.append("**").append(flow.label()).append("**\n\n").append(readmeTable(flow)).append('\n');
    }
    return out
        + (r.machine.cores()
            + " cores, every service its own JVM on loopback (all in one JVM: one for the whole"
            + " app), hey "
            + GoDuration.format(r.settings.duration())
            + " per profile ("
            + GoDuration.format(r.settings.targetDuration())
            + " at "
            + r.targetProfile().workers()
            + " workers with keep-alive). Reproduce with `"
            + r.settings.command()
            + "`; full results in `benchmarks/results/results.md`.\n");
  }

  private String readmeTable(Flow flow) {
    List<SystemUnderTest> systems = r.settings.systems(flow);
    SystemUnderTest dyninka = SystemUnderTest.of(flow, SystemUnderTest.Kind.DYNINKA).orElseThrow();
    SystemUnderTest twin = dyninka.twin();
    boolean gateway = systems.contains(SystemUnderTest.GATEWAY);
    SystemUnderTest colocated =
        SystemUnderTest.of(flow, SystemUnderTest.Kind.COLOCATED)
            .filter(systems::contains)
            .orElse(null);
    MarkdownTable table =
        new MarkdownTable()
            .right("workers")
            .left("keep-alive")
            .right("Dyninka req/s")
            .right("hand-written req/s");
    if (gateway) {
      table.right("gateway req/s");
    }
    if (colocated != null) {
      table.right("all in one JVM req/s");
    }
    table.right("Dyninka / hand-written");
    if (gateway) {
      table.right("Dyninka / gateway");
    }
    if (colocated != null) {
      table.right("all in one / hand-written");
    }
    table.right("Dyninka p50 / p99 ms").right("Dyninka errors");
    for (Profile p : r.settings.profiles()) {
      Optional<HeyReport> d = r.load(dyninka, p).map(Results.Load::report);
      List<Object> cells = new ArrayList<>();
      cells.add(p.workers());
      cells.add(onOff(p.keepAlive()));
      cells.add(rps(p, dyninka));
      cells.add(rps(p, twin));
      if (gateway) {
        cells.add(rps(p, SystemUnderTest.GATEWAY));
      }
      if (colocated != null) {
        cells.add(rps(p, colocated));
      }
      cells.add(Fmt.ratio(r.ratio(dyninka, p, twin)));
      if (gateway) {
        cells.add(Fmt.ratio(r.ratio(dyninka, p, SystemUnderTest.GATEWAY)));
      }
      if (colocated != null) {
        cells.add(Fmt.ratio(r.ratio(colocated, p, twin)));
      }
      cells.add(d.map(h -> Fmt.ms(h.p50Ms()) + " / " + Fmt.ms(h.p99Ms())).orElse("–"));
      cells.add(d.map(h -> Fmt.num(h.errorPercent(), 2) + "%").orElse("–"));
      table.row(cells.toArray());
    }
    return table.toString();
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
