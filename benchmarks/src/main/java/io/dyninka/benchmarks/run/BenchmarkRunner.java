package io.dyninka.benchmarks.run;

import io.dyninka.benchmarks.client.BlockingHttp;
import io.dyninka.benchmarks.measure.CpuTime;
import io.dyninka.benchmarks.measure.GoDuration;
import io.dyninka.benchmarks.measure.Hey;
import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.LoadAverage;
import io.dyninka.benchmarks.measure.Machine;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.measure.Rss;
import io.dyninka.benchmarks.measure.RssSampler;
import io.dyninka.benchmarks.measure.TimingProbe;
import io.dyninka.benchmarks.report.Fmt;
import io.dyninka.benchmarks.report.ReportWriter;
import io.dyninka.benchmarks.report.Results;
import io.dyninka.benchmarks.report.Targets;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.launch.JvmFlags;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: flow by flow, starts its systems (and for smart-building the sensor endpoint),
 * warms each up, probes per-hop overhead, runs every load profile against each system in turn,
 * samples RSS throughout, and stops them; then writes the results. {@code benchmarks/run.sh} builds
 * the code and runs this.
 */
public final class BenchmarkRunner {

  /**
   * Quiet time between two loads, so one run's leftovers (GC, TIME_WAIT) do not land in the next.
   */
  private static final Duration PAUSE = Duration.ofSeconds(2);

  /** Time for start-up work (JIT, class loading) to settle before idle RSS is read. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private static final int WARMUP_WORKERS = 50;
  private static final Duration WARMUP_ROUND = Duration.ofSeconds(5);
  private static final int MIN_WARMUP_ROUNDS = 4;

  /** The first load of the warm-up, read second by second: where a cold system speeds up. */
  private static final Duration FIRST_LOAD = Duration.ofSeconds(20);

  private final Settings settings;
  private final Path logDir;
  private final Hey hey;
  private final Results results;
  private final JvmFlags flags;

  private BenchmarkRunner(Settings settings, Path logDir) {
    this.settings = settings;
    this.logDir = logDir;
    this.hey = new Hey(logDir.resolve("hey.log"));
    this.flags = JvmFlags.defaults().with(settings.extraJvmFlags());
    this.results = new Results(settings, Machine.describe(System.getenv()), flags.toString());
  }

  public static void main(String[] args) {
    Settings settings = Settings.from(System.getenv());
    Path logDir = settings.pidFile().toAbsolutePath().getParent().resolve("bench-logs");
    int code;
    try {
      Files.createDirectories(logDir);
      Files.deleteIfExists(logDir.resolve("hey.log"));
      code = new BenchmarkRunner(settings, logDir).run();
    } catch (IOException | RuntimeException e) {
      System.err.println("benchmark failed: " + e);
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  private int run() throws IOException {
    Vertx vertx = Vertx.vertx();
    SensorProcess sensor = null;
    Thread stopHey = new Thread(hey::stop, "stop-hey");
    Runtime.getRuntime().addShutdownHook(stopHey);
    LoadAverage load = new LoadAverage();
    try {
      if (settings.flows().contains(Flow.SMART_BUILDING)) {
        say("starting the sensor endpoint");
        sensor =
            SensorProcess.start(
                java(),
                flags.flags(),
                System.getProperty("java.class.path"),
                logDir.resolve("sensor.log"));
        recordPid(sensor.pid());
        SensorProcess started = sensor;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-sensor"));
      }
      for (Flow flow : settings.flows()) {
        runFlow(vertx, flow, sensor == null ? null : sensor.url());
      }
    } finally {
      if (sensor != null) {
        sensor.close();
      }
      vertx.close().await();
      load.close();
      results.finish(load.statistics());
    }
    ReportWriter writer = new ReportWriter(results);
    writer.writeAll(settings.results());
    System.out.println();
    System.out.println(writer.readmeTable());
    for (Targets.Row row : Targets.evaluate(results)) {
      System.out.println(
          "target: " + row.target() + ": " + row.measured() + " -> " + row.verdict());
    }
    System.out.println("results in " + settings.results().toAbsolutePath());
    return 0;
  }

  /**
   * One flow's systems, started together and stopped before the next flow's start, so that the
   * machine holds one flow's JVMs at a time and the systems of a flow see the same conditions.
   */
  private void runFlow(Vertx vertx, Flow flow, URI sensorUrl) throws IOException {
    List<RunningSystem> running = new ArrayList<>();
    say("flow " + flow.id());
    try {
      Path body = null;
      if (flow.body() != null) {
        body = logDir.resolve(flow.id() + "-body.json");
        Files.writeString(body, flow.body());
      }
      for (SystemUnderTest system : settings.systems(flow)) {
        running.add(start(system, sensorUrl, body));
      }
      sleep(SETTLE);
      for (RunningSystem s : running) {
        results.idleRssKib.put(s.system(), Rss.of(s.pids()));
      }
      timeFirstAnswers(vertx, running, flow, sensorUrl);
      warmUp(running);
      say(
          "probing Server-Timing: "
              + settings.probeRequests()
              + " requests to each system, in turn");
      List<ProbeResult> probes =
          new TimingProbe(vertx, flow.longestPath())
              .measure(
                  running.stream().map(RunningSystem::entry).toList(),
                  flow.body() == null ? null : Buffer.buffer(flow.body()),
                  settings.probeRequests());
      for (int i = 0; i < running.size(); i++) {
        results.probes.put(running.get(i).system(), probes.get(i));
      }
      List<Profile> profiles = settings.profiles();
      for (int i = 0; i < profiles.size(); i++) {
        List<RunningSystem> turn = new ArrayList<>(running);
        // Each system goes first as often as the others, so drifting background load evens out.
        Collections.rotate(turn, -i);
        for (RunningSystem s : turn) {
          measure(s, profiles.get(i));
        }
      }
      sleep(SETTLE);
      for (RunningSystem s : running) {
        results.afterRssKib.put(s.system(), Rss.of(s.pids()));
      }
    } finally {
      running.forEach(RunningSystem::close);
    }
  }

  private RunningSystem start(SystemUnderTest system, URI sensorUrl, Path body) throws IOException {
    AppManifest manifest = system.manifest();
    JvmFlags serviceFlags = flags;
    if (system.kind() == SystemUnderTest.Kind.DYNINKA && settings.jfrDirectory() != null) {
      Files.createDirectories(settings.jfrDirectory());
      serviceFlags =
          flags.with(
              "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                  + settings.jfrDirectory().toAbsolutePath());
    }
    BufferedWriter log =
        Files.newBufferedWriter(
            logDir.resolve(system.id() + ".log"),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING);
    Placement placement = system.placement(manifest);
    say(
        "starting "
            + system.fullLabel()
            + " ("
            + manifest.services().size()
            + " services, "
            + placement.groups().size()
            + " JVMs)");
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    environment.put("DYNINKA_HOST", "127.0.0.1");
    if (sensorUrl != null) {
      environment.put("SENSOR_URL", sensorUrl.toString());
    }
    long begin = System.nanoTime();
    RunningApp app =
        LocalLauncher.builder()
            .classpath(classpathFor(system))
            .jvmFlags(serviceFlags)
            .environment(environment)
            .environment(system.isCandidate() ? settings.candidateEnvironment() : Map.of())
            .logSink(line -> writeQuietly(log, line))
            .build()
            .start(manifest, placement);
    Duration startup = Duration.ofNanos(System.nanoTime() - begin);
    URI entry = app.url(manifest.sink()).resolve(system.entryPath());
    RunningSystem s = new RunningSystem(system, app, entry, body, startup, log);
    s.pids().values().forEach(this::recordPid);
    results.startup.put(system, startup);
    say("  ready in " + startup.toMillis() + " ms, entry " + entry);
    return s;
  }

  /**
   * One request through each cold system; the runner's own client is warmed on the sensor first.
   */
  private void timeFirstAnswers(
      Vertx vertx, List<RunningSystem> running, Flow flow, URI sensorUrl) {
    try (BlockingHttp client = new BlockingHttp(vertx)) {
      if (sensorUrl != null) {
        for (int i = 0; i < 20; i++) {
          client.get(sensorUrl.getHost(), sensorUrl.getPort(), "/");
        }
      }
      Buffer body = flow.body() == null ? null : Buffer.buffer(flow.body());
      for (RunningSystem s : running) {
        long begin = System.nanoTime();
        BlockingHttp.Answer answer =
            client.call(s.entry().getHost(), s.entry().getPort(), s.entry().getRawPath(), body);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        results.firstAnswer.put(s.system(), took);
        say(
            "first answer of "
                + s.system().fullLabel()
                + ": HTTP "
                + answer.status()
                + " in "
                + took.toMillis()
                + " ms");
      }
    }
  }

  /**
   * This JVM's class path; for the candidate, with the built runtime swapped for the candidate's.
   */
  private List<Path> classpathFor(SystemUnderTest system) {
    List<Path> classpath = new ArrayList<>();
    boolean swap = system.isCandidate() && settings.candidateRuntime() != null;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      boolean runtime = path.getFileName() != null && path.toString().contains("dyninka-runtime");
      if (swap && runtime) {
        classpath.add(settings.candidateRuntime().toAbsolutePath());
      } else {
        classpath.add(path);
      }
    }
    if (swap && !classpath.contains(settings.candidateRuntime().toAbsolutePath())) {
      throw new IllegalStateException(
          "no dyninka-runtime on the class path to swap for " + settings.candidateRuntime());
    }
    return classpath;
  }

  /**
   * Loads every system until its throughput is steady: the JIT needs minutes of load on a busy
   * 2-core machine, and a run that measured a half-compiled system would compare compilers, not
   * systems. First each system's first load, {@link #FIRST_LOAD} at 50 workers with keep-alive,
   * answer by answer, so that the report can tell how long it took from the first request to 90% of
   * its steady throughput; then rounds of {@link #WARMUP_ROUND} to each system in turn until its
   * last three rounds are within 5% of their mean (after at least four: two slow rounds in a row
   * can look steady), or until its {@code WARMUP} budget is spent. Then one round without
   * keep-alive each, for the accept path.
   */
  private void warmUp(List<RunningSystem> running) {
    Duration firstLoad =
        settings.warmup().compareTo(FIRST_LOAD.multipliedBy(2)) < 0
            ? settings.warmup().dividedBy(2)
            : FIRST_LOAD;
    long rest = settings.warmup().minus(firstLoad).toMillis();
    int maxRounds = Math.max(MIN_WARMUP_ROUNDS, (int) (rest / WARMUP_ROUND.toMillis()));
    say(
        "warming up: a first load of "
            + GoDuration.format(firstLoad)
            + " each, then rounds of "
            + GoDuration.format(WARMUP_ROUND)
            + " until throughput is steady (at most "
            + maxRounds
            + " per system)");
    Map<SystemUnderTest, List<Long>> firstLoads = new java.util.LinkedHashMap<>();
    for (RunningSystem s : running) {
      firstLoads.put(
          s.system(),
          hey.timeline(s.entry(), s.body(), WARMUP_WORKERS, true, firstLoad).okPerSecond());
    }
    Map<SystemUnderTest, List<Double>> rounds = new java.util.LinkedHashMap<>();
    List<RunningSystem> warming = new ArrayList<>(running);
    while (!warming.isEmpty()) {
      for (RunningSystem s : List.copyOf(warming)) {
        List<Double> rps = rounds.computeIfAbsent(s.system(), k -> new ArrayList<>());
        rps.add(hey.run(s.entry(), s.body(), WARMUP_WORKERS, true, WARMUP_ROUND).okRps());
        int n = rps.size();
        boolean steady = n >= MIN_WARMUP_ROUNDS && steady(rps.subList(n - 3, n));
        if (steady || n >= maxRounds) {
          warming.remove(s);
          Results.Warmup warmup =
              new Results.Warmup(
                  firstLoads.get(s.system()), List.copyOf(rps), WARMUP_ROUND, steady);
          String how = steady ? "steady" : "not steady yet, budget spent";
          say(
              "  "
                  + s.system().fullLabel()
                  + ": "
                  + how
                  + " after "
                  + n
                  + " rounds, "
                  + Fmt.rps(rps.get(n - 1))
                  + " req/s; 90% of steady after "
                  + warmup.timeTo90().map(d -> d.toSeconds() + " s").orElse("(not reached)"));
          results.warmup.put(s.system(), warmup);
        }
      }
    }
    for (RunningSystem s : running) {
      hey.run(s.entry(), s.body(), WARMUP_WORKERS, false, WARMUP_ROUND);
    }
  }

  /** Whether every round is within 5% of the rounds' mean. */
  static boolean steady(List<Double> rounds) {
    double mean = rounds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return mean > 0 && rounds.stream().allMatch(r -> Math.abs(r - mean) <= 0.05 * mean);
  }

  private void measure(RunningSystem s, Profile profile) {
    if (!s.app().isAlive()) {
      results.notes.add(
          s.system().fullLabel()
              + " had a process down before \""
              + profile.label()
              + "\"; that profile was skipped");
      return;
    }
    sleep(PAUSE);
    HeyReport report;
    Map<String, Long> peaks;
    Map<String, Double> cpuBefore = CpuTime.of(s.pids());
    try (RssSampler sampler = RssSampler.start(s.pids())) {
      report =
          hey.run(s.entry(), s.body(), profile.workers(), profile.keepAlive(), profile.duration());
      peaks = sampler.peaks();
    }
    Map<String, Double> cpu = CpuTime.used(cpuBefore, CpuTime.of(s.pids()));
    Results.Load load = new Results.Load(s.system(), profile, report, peaks, cpu);
    results.add(load);
    say(
        String.format(
            java.util.Locale.ROOT,
            "%-40s %-30s %8s req/s  p50 %6s ms  p99 %6s ms  errors %s%%  CPU %s µs/answer",
            s.system().fullLabel(),
            profile.label(),
            Fmt.rps(report.okRps()),
            Fmt.ms(report.p50Ms()),
            Fmt.ms(report.p99Ms()),
            Fmt.num(report.errorPercent(), 2),
            Fmt.num(load.cpuMicrosPerAnswer(), 0)));
    if (!report.errors().isEmpty()) {
      results.notes.add(
          s.system().fullLabel()
              + ", "
              + profile.label()
              + ": transport errors "
              + report.errors());
    }
  }

  /** So that run.sh can stop every process this run started, even if this JVM is killed. */
  private void recordPid(long pid) {
    try {
      Files.createDirectories(settings.pidFile().toAbsolutePath().getParent());
      Files.writeString(
          settings.pidFile(), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record pid in " + settings.pidFile(), e);
    }
  }

  private static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static void writeQuietly(BufferedWriter log, String line) {
    try {
      log.write(line);
      log.newLine();
    } catch (IOException e) {
      // A lost log line loses no result.
    }
  }

  private static void say(String message) {
    System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
