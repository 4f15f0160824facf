package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.Machine;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.Settings;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, filled in by the runner and read by the report writers. */
public final class Results {

  /**
   * One hey run of one system under one profile, with each service's peak RSS and the CPU time each
   * service used during it.
   */
  public record Load(
      SystemUnderTest system,
      Profile profile,
      HeyReport report,
      Map<String, Long> peakRssKib,
      Map<String, Double> cpuMillis) {

    /**
     * CPU of all the system's services per 2xx answer, in microseconds (the sensor not counted).
     */
    public double cpuMicrosPerAnswer() {
      double total = cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
      return report.ok() == 0 ? Double.NaN : total * 1000 / report.ok();
    }
  }

  final Settings settings;
  final Machine machine;
  final String jvmFlags;
  final Instant started = Instant.now();
  Instant finished;
  public final Map<SystemUnderTest, Duration> startup = new EnumMap<>(SystemUnderTest.class);

  /** The very first request through each system, on cold JVMs: what a user of dyninka:run waits. */
  public final Map<SystemUnderTest, Duration> firstAnswer = new EnumMap<>(SystemUnderTest.class);

  public final Map<SystemUnderTest, Map<String, Long>> idleRssKib =
      new EnumMap<>(SystemUnderTest.class);
  final Map<SystemUnderTest, Map<String, Long>> peakRssKib = new EnumMap<>(SystemUnderTest.class);
  public final Map<SystemUnderTest, Map<String, Long>> afterRssKib =
      new EnumMap<>(SystemUnderTest.class);
  public final Map<SystemUnderTest, ProbeResult> probes = new EnumMap<>(SystemUnderTest.class);
  final List<Load> loads = new ArrayList<>();

  /**
   * How one system's throughput rose during its warm-up: second by second in its first load, then
   * round by round until it was steady.
   *
   * @param firstLoadPerSecond the 2xx answers of each second of the first load, from its first
   *     request
   * @param roundRps the req/s of each round after it
   */
  public record Warmup(
      List<Long> firstLoadPerSecond, List<Double> roundRps, Duration round, boolean steady) {

    Duration total() {
      return Duration.ofSeconds(firstLoadPerSecond.size())
          .plus(round.multipliedBy(roundRps.size()));
    }

    /** The throughput it settled at: the mean of the last three rounds (or the last one). */
    double steadyRps() {
      int n = roundRps.size();
      return n == 0
          ? Double.NaN
          : roundRps.subList(Math.max(0, n - 3), n).stream()
              .mapToDouble(Double::doubleValue)
              .average()
              .orElse(Double.NaN);
    }

    /**
     * Load time from the first request to the end of the first second (in the first load) or round
     * (after it) at 90% of {@link #steadyRps()} or more; empty when the system never became steady
     * (there is no steady throughput to measure against) or no second or round reached it. The
     * first load's last second is left out: hey stops in the middle of it.
     */
    public Optional<Duration> timeTo90() {
      if (!steady) {
        return Optional.empty();
      }
      double target = 0.9 * steadyRps();
      int seconds = Math.max(0, firstLoadPerSecond.size() - 1);
      for (int i = 0; i < seconds; i++) {
        if (firstLoadPerSecond.get(i) >= target) {
          return Optional.of(Duration.ofSeconds(i + 1));
        }
      }
      for (int i = 0; i < roundRps.size(); i++) {
        if (roundRps.get(i) >= target) {
          return Optional.of(
              Duration.ofSeconds(firstLoadPerSecond.size()).plus(round.multipliedBy(i + 1)));
        }
      }
      return Optional.empty();
    }
  }

  public final Map<SystemUnderTest, Warmup> warmup = new EnumMap<>(SystemUnderTest.class);
  public final List<String> notes = new ArrayList<>();

  /** The machine's 1-minute load average over the run: min, mean, max. */
  DoubleSummaryStatistics load = new DoubleSummaryStatistics();

  public Results(Settings settings, Machine machine, String jvmFlags) {
    this.settings = settings;
    this.machine = machine;
    this.jvmFlags = jvmFlags;
  }

  public synchronized void add(Load load) {
    loads.add(load);
    Map<String, Long> peaks = peakRssKib.computeIfAbsent(load.system(), s -> new LinkedHashMap<>());
    load.peakRssKib().forEach((service, kib) -> peaks.merge(service, kib, Math::max));
  }

  /** The end of the run: what the load average sampler saw while it lasted. */
  public void finish(DoubleSummaryStatistics loadAverage) {
    load = loadAverage;
    finished = Instant.now();
  }

  Optional<Load> load(SystemUnderTest system, Profile profile) {
    return loads.stream()
        .filter(l -> l.system() == system && l.profile().equals(profile))
        .findFirst();
  }

  /**
   * The profile the throughput and error targets are stated for: most workers, keep-alive.
   */
  Profile targetProfile() {
    List<Profile> profiles = settings.profiles();
    return profiles.get(profiles.size() - 1);
  }

  /** The single-worker profile with the given keep-alive, when the run had one. */
  Optional<Profile> singleWorker(boolean keepAlive) {
    return settings.profiles().stream()
        .filter(p -> p.workers() == 1 && p.keepAlive() == keepAlive)
        .findFirst();
  }

  /** Throughput of {@code system} over that of {@code other}, in profile {@code p}. */
  double ratio(SystemUnderTest system, Profile p, SystemUnderTest other) {
    Optional<Results.Load> d = load(system, p);
    Optional<Results.Load> o = load(other, p);
    return d.isPresent() && o.isPresent()
        ? d.get().report().okRps() / o.get().report().okRps()
        : Double.NaN;
  }

  /** CPU per answer of {@code system} over that of its flow's hand-written twin, in {@code p}. */
  double cpuRatio(SystemUnderTest system, Profile p) {
    Optional<Results.Load> s = load(system, p);
    Optional<Results.Load> h = load(system.twin(), p);
    return s.isPresent() && h.isPresent()
        ? s.get().cpuMicrosPerAnswer() / h.get().cpuMicrosPerAnswer()
        : Double.NaN;
  }

  /** p99 of {@code system} over that of its flow's hand-written twin, in {@code p}. */
  double p99Ratio(SystemUnderTest system, Profile p) {
    Optional<Results.Load> s = load(system, p);
    Optional<Results.Load> h = load(system.twin(), p);
    return s.isPresent() && h.isPresent()
        ? s.get().report().p99Ms() / h.get().report().p99Ms()
        : Double.NaN;
  }
}
