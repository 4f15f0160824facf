package io.dyninka.benchmarks.report;

import io.dyninka.benchmarks.measure.HeyReport;
import io.dyninka.benchmarks.measure.ProbeResult;
import io.dyninka.benchmarks.run.Profile;
import io.dyninka.benchmarks.run.SystemUnderTest;
import java.time.Duration;
import java.util.Map;

/** The numbers of a run as CSV, for whoever wants to plot or compare them with their own tools. */
final class ResultsCsv {

  private final Results r;

  ResultsCsv(Results results) {
    this.r = results;
  }

  /** {@code results.csv}: one row per system and profile. */
  String load() {
    StringBuilder csv =
        new StringBuilder(
            "flow,system,workers,keep_alive,duration_s,answers,ok,failed,error_pct,ok_rps,hey_rps,p50_ms,p99_ms,mean_ms,ratio_vs_handwritten,ratio_vs_gateway,peak_rss_mib_sum,cpu_us_per_answer\n");
    for (Results.Load l : r.loads) {
      HeyReport h = l.report();
      Profile p = l.profile();
      long rssSum =
          l.peakRssKib().values().stream().mapToLong(Long::longValue).filter(v -> v > 0).sum();
      SystemUnderTest s = l.system();
      boolean twin = s.kind() == SystemUnderTest.Kind.HAND_WRITTEN;
      boolean gateway = s.kind() == SystemUnderTest.Kind.GATEWAY;
      csv.append(s.flow().id())
          .append(',')
          .append(s.id())
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
          .append(twin || gateway ? "" : Fmt.csv(r.ratio(s, p, s.twin()), 3))
          .append(',')
          .append(
              s == SystemUnderTest.DYNINKA
                  ? Fmt.csv(r.ratio(s, p, SystemUnderTest.GATEWAY), 3)
                  : "")
          .append(',')
          .append(Fmt.csv(rssSum / 1024.0, 1))
          .append(',')
          .append(Fmt.csv(l.cpuMicrosPerAnswer(), 1))
          .append('\n');
    }
    return csv.toString();
  }

  /** {@code rss.csv}: one row per service, idle, peak and after the load. */
  String rss() {
    StringBuilder csv = new StringBuilder("flow,system,process,idle_mib,peak_mib,after_load_mib\n");
    for (SystemUnderTest s : r.settings.systems()) {
      Map<String, Long> idle = r.idleRssKib.getOrDefault(s, Map.of());
      for (String service : idle.keySet()) {
        csv.append(s.flow().id())
            .append(',')
            .append(s.id())
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

  /** {@code hops.csv}: one row per system, its start-up and what the probe measured. */
  String hops() {
    StringBuilder csv =
        new StringBuilder(
            "flow,system,startup_ms,first_answer_ms,warmup_to_90pct_s,steady_rps,probe_requests,full_chain_answers,e2e_p50_ms,process_p50_ms,hop_overhead_p50_ms,hop_overhead_mean_ms,all_answers_p50_ms\n");
    for (SystemUnderTest s : r.settings.systems()) {
      ProbeResult p = r.probes.get(s);
      Duration d = r.startup.get(s);
      Duration first = r.firstAnswer.get(s);
      Results.Warmup w = r.warmup.get(s);
      csv.append(s.flow().id())
          .append(',')
          .append(s.id())
          .append(',')
          .append(d == null ? "" : Long.toString(d.toMillis()))
          .append(',')
          .append(first == null ? "" : Long.toString(first.toMillis()))
          .append(',')
          .append(w == null ? "" : w.timeTo90().map(t -> Long.toString(t.toSeconds())).orElse(""))
          .append(',')
          .append(w == null ? "" : Fmt.csv(w.steadyRps(), 1));
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
}
