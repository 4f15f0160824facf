package io.dyninka.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.benchmarks.run.SystemUnderTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Targets")
class TargetsTest {

  @Test
  @DisplayName("states every target with its verdict and the figure behind it")
  void verdicts() {
    List<Targets.Row> rows = Targets.evaluate(SampleResults.basic());

    assertThat(rows)
        .extracting(Targets.Row::verdict)
        .containsExactly("met", "**missed**", "met", "met", "met", "met");
    assertThat(rows.get(0).measured()).isEqualTo("0.950× (950 vs 1000 req/s)");
    assertThat(rows.get(1).measured()).isEqualTo("1.267× (950 vs 750 req/s)");
    assertThat(rows.get(5).measured()).contains("80.0 MiB (map)");
  }

  @Test
  @DisplayName("counts the errors of the 60 s target profile")
  void errorsOverTheTargetProfile() {
    Targets.Row errors = Targets.evaluate(SampleResults.basic()).get(2);

    assertThat(errors.verdict()).isEqualTo("met");
    assertThat(errors.measured()).isEqualTo("0 errors of 57000 over 60 s");
  }

  @Test
  @DisplayName("leaves the 60 s error target unmeasured on a shorter run without errors")
  void shortRun() {
    Targets.Row errors = Targets.evaluate(SampleResults.basic("5s")).get(2);

    assertThat(errors.verdict()).isEqualTo("not measured");
    assertThat(errors.measured())
        .isEqualTo("0 errors of 4750 over 5 s (a short run: not the 60 s the target asks)");
  }

  @Test
  @DisplayName("says which targets a run without some systems could not measure")
  void notMeasured() {
    Results results = SampleResults.full();
    results.loads.removeIf(l -> l.system() == SystemUnderTest.GATEWAY);

    assertThat(Targets.evaluate(results).get(1))
        .isEqualTo(
            new Targets.Row(
                "50 workers, keep-alive: Dyninka ≥ 1.5× gateway (req/s)",
                "–",
                java.util.Optional.empty()));
  }
}
