package io.dyninka.benchmarks.handwritten;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.benchmarks.chain.ChainAnswers;
import io.dyninka.benchmarks.chain.ChainFixture;
import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.SmartBuildingStages;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.manifest.AppManifest;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hand-written chain")
class HandWrittenChainTest {

  @Test
  @DisplayName("answers like the Dyninka chain: 200 and an Average for temperatures, 204 otherwise")
  void answersLikeDyninka() {
    try (ChainFixture fixture = new ChainFixture()) {
      URI upstream = null;
      int port = 0;
      for (Stage stage : SmartBuildingStages.CHAIN) {
        PullService service = new PullService(stage, 0, upstream);
        fixture.vertx.deployVerticle(service).await();
        port = service.actualPort();
        upstream = URI.create("http://" + ChainProcess.HOST + ":" + port);
      }

      ChainAnswers.check(fixture.http, port, "/");
    }
  }

  @Test
  @DisplayName("describes four services with nested main classes, movingAvg the stateful sink")
  void manifest() throws ReflectiveOperationException {
    AppManifest manifest = HandWrittenChain.manifest();

    assertThat(manifest.sink()).isEqualTo("movingAvg");
    assertThat(manifest.services())
        .extracting(s -> s.name())
        .containsExactly("get", "filterTemperature", "map", "movingAvg");
    assertThat(manifest.sinkService().stateful()).isTrue();
    for (var service : manifest.services()) {
      assertThat(Class.forName(service.mainClass()).getMethod("main", String[].class)).isNotNull();
    }
  }
}
