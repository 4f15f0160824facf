package io.dyninka.benchmarks.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, filled in by the runner and read by the report writers. */
final class Results {

  /**
   * One hey run of one system under one profile, with each service's peak RSS and the CPU time each
   * service used during it.
   */
  record Load(
      SystemUnderTest system,
      Profile profile,
      HeyReport report,
      Map<String, Long> peakRssKib,
      Map<String, Double> cpuMillis) {

    /**
     * CPU of all the system's services per 2xx answer, in microseconds (the sensor not counted).
     */
    double cpuMicrosPerAnswer() {
      double total = cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
      return report.ok() == 0 ? Double.NaN : total * 1000 / report.ok();
    }
  }

  final Settings settings;
  final Machine machine;
  final String jvmFlags;
  final Instant started = Instant.now();
  Instant finished;
  final Map<SystemUnderTest, Duration> startup = new EnumMap<>(SystemUnderTest.class);

  /** The very first request through each system, on cold JVMs: what a user of dyninka:run waits. */
  final Map<SystemUnderTest, Duration> firstAnswer = new EnumMap<>(SystemUnderTest.class);

  final Map<SystemUnderTest, Map<String, Long>> idleRssKib = new EnumMap<>(SystemUnderTest.class);
  final Map<SystemUnderTest, Map<String, Long>> peakRssKib = new EnumMap<>(SystemUnderTest.class);
  final Map<SystemUnderTest, Map<String, Long>> afterRssKib = new EnumMap<>(SystemUnderTest.class);
  final Map<SystemUnderTest, ProbeResult> probes = new EnumMap<>(SystemUnderTest.class);
  final List<Load> loads = new ArrayList<>();

  /** How one system's throughput rose during its warm-up, round by round. */
  record Warmup(List<Double> roundRps, Duration round, boolean steady) {
    Duration total() {
      return round.multipliedBy(roundRps.size());
    }
  }

  final Map<SystemUnderTest, Warmup> warmup = new EnumMap<>(SystemUnderTest.class);
  final List<String> notes = new ArrayList<>();

  /** The machine's 1-minute load average over the run: min, mean, max. */
  java.util.DoubleSummaryStatistics load = new java.util.DoubleSummaryStatistics();

  Results(Settings settings, Machine machine, String jvmFlags) {
    this.settings = settings;
    this.machine = machine;
    this.jvmFlags = jvmFlags;
  }

  synchronized void add(Load load) {
    loads.add(load);
    Map<String, Long> peaks = peakRssKib.computeIfAbsent(load.system(), s -> new LinkedHashMap<>());
    load.peakRssKib().forEach((service, kib) -> peaks.merge(service, kib, Math::max));
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
}
