package io.dyninka.benchmarks.run;

import io.dyninka.benchmarks.measure.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from the environment that {@code run.sh} passes on.
 *
 * @param duration how long each load profile runs ({@code DURATION}, default 10s)
 * @param targetDuration how long the target profile (most workers, keep-alive on) runs ({@code
 *     TARGET_DURATION}, default 60s: the "0 errors over 60 s")
 * @param warmup the most warm-up load each system gets before anything is measured, in rounds of 5
 *     s until its throughput is steady ({@code WARMUP}, default 90s)
 * @param workers the concurrent workers of the paper's profiles ({@code WORKERS}, default 1 5 10
 *     50)
 * @param flows which flows run, one after the other ({@code FLOW}: smart-building, orders or both,
 *     the default)
 * @param systems which systems run, in each flow ({@code SYSTEMS}: dyninka, handwritten, gateway
 *     (smart-building only), colocated, candidate; default all but the candidate), flow by flow
 * @param probeRequests sequential requests of the Server-Timing probe ({@code PROBE_REQUESTS})
 * @param results where the results go ({@code RESULTS_DIR})
 * @param pidFile where every started process id is written, so that run.sh can stop them whatever
 *     happens to this JVM ({@code PID_FILE})
 * @param extraJvmFlags appended to Dyninka's default flags for every JVM ({@code EXTRA_JVM_FLAGS})
 * @param jfrDirectory when set, the Dyninka services record a JFR profile there ({@code JFR_DIR})
 * @param command the command that reproduces the run, for the report ({@code BENCH_COMMAND})
 * @param candidateRuntime the runtime jar or classes directory the {@code candidate} system runs on
 *     instead of the built one ({@code CANDIDATE_RUNTIME}), or null
 * @param candidateEnvironment extra environment of the candidate's services ({@code CANDIDATE_ENV},
 *     e.g. {@code DYNINKA_INSTANCES=2}), to try a setting side by side with the default
 */
public record Settings(
    Duration duration,
    Duration targetDuration,
    Duration warmup,
    List<Integer> workers,
    List<Flow> flows,
    List<SystemUnderTest> systems,
    int probeRequests,
    Path results,
    Path pidFile,
    List<String> extraJvmFlags,
    Path jfrDirectory,
    String command,
    Path candidateRuntime,
    Map<String, String> candidateEnvironment) {

  public static Settings from(Map<String, String> env) {
    List<Integer> workers =
        Arrays.stream(env.getOrDefault("WORKERS", "1 5 10 50").trim().split("[\\s,]+"))
            .map(Integer::parseInt)
            .sorted()
            .toList();
    String flow = env.getOrDefault("FLOW", "both").trim();
    List<Flow> flows =
        flow.equalsIgnoreCase("both") ? List.of(Flow.values()) : List.of(Flow.named(flow));
    List<SystemUnderTest.Kind> kinds = new ArrayList<>();
    for (String name :
        env.getOrDefault("SYSTEMS", "dyninka handwritten gateway colocated")
            .trim()
            .split("[\\s,]+")) {
      kinds.add(SystemUnderTest.Kind.named(name));
    }
    List<SystemUnderTest> systems = new ArrayList<>();
    for (Flow f : flows) {
      for (SystemUnderTest.Kind kind : kinds) {
        SystemUnderTest.of(f, kind).ifPresent(systems::add);
      }
    }
    String extra = env.getOrDefault("EXTRA_JVM_FLAGS", "").trim();
    String jfr = env.getOrDefault("JFR_DIR", "").trim();
    String candidate = env.getOrDefault("CANDIDATE_RUNTIME", "").trim();
    Map<String, String> candidateEnv = new java.util.LinkedHashMap<>();
    for (String pair : env.getOrDefault("CANDIDATE_ENV", "").trim().split("\\s+")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "CANDIDATE_ENV takes NAME=value pairs, not '" + pair + "'");
        }
        candidateEnv.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    if (kinds.contains(SystemUnderTest.Kind.CANDIDATE)
        && candidate.isEmpty()
        && candidateEnv.isEmpty()) {
      throw new IllegalArgumentException(
          "SYSTEMS names 'candidate': set CANDIDATE_RUNTIME (a runtime jar or classes directory) or CANDIDATE_ENV (NAME=value ...) to try");
    }
    return new Settings(
        GoDuration.parse(env.getOrDefault("DURATION", "10s")),
        GoDuration.parse(env.getOrDefault("TARGET_DURATION", "60s")),
        GoDuration.parse(env.getOrDefault("WARMUP", "90s")),
        workers,
        flows,
        List.copyOf(systems),
        Integer.parseInt(env.getOrDefault("PROBE_REQUESTS", "3000")),
        Path.of(env.getOrDefault("RESULTS_DIR", "benchmarks/results")),
        Path.of(env.getOrDefault("PID_FILE", "benchmarks/target/bench-pids")),
        extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
        jfr.isEmpty() ? null : Path.of(jfr),
        env.getOrDefault("BENCH_COMMAND", "benchmarks/run.sh"),
        candidate.isEmpty() ? null : Path.of(candidate),
        Map.copyOf(candidateEnv));
  }

  /** The systems of {@code flow} that run, in the order {@code SYSTEMS} names them. */
  public List<SystemUnderTest> systems(Flow flow) {
    return systems.stream().filter(s -> s.flow() == flow).toList();
  }

  /** Whether a candidate runs, in any flow. */
  public boolean hasCandidate() {
    return systems.stream().anyMatch(SystemUnderTest::isCandidate);
  }

  /**
   * The paper's profiles, keep-alive off (as the paper ran them) then on, for each worker count.
   */
  public List<Profile> profiles() {
    int most = workers.get(workers.size() - 1);
    List<Profile> profiles = new ArrayList<>();
    for (int w : workers) {
      profiles.add(new Profile(w, false, duration));
      profiles.add(new Profile(w, true, w == most ? targetDuration : duration));
    }
    return profiles;
  }
}
