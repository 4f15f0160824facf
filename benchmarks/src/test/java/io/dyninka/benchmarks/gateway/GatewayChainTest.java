package io.dyninka.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.benchmarks.chain.ChainAnswers;
import io.dyninka.benchmarks.chain.ChainFixture;
import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.SmartBuildingStages;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.benchmarks.client.BlockingHttp;
import io.dyninka.manifest.AppManifest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gateway chain")
class GatewayChainTest {

  @Test
  @DisplayName("answers like the Dyninka chain through gateway and orchestrator")
  void answersLikeDyninka() {
    try (ChainFixture fixture = new ChainFixture()) {
      int gatewayPort = start(fixture);

      ChainAnswers.check(fixture.http, gatewayPort, GatewayChain.ENTRY_PATH);
    }
  }

  @Test
  @DisplayName("answers 404 for a function it does not know")
  void unknownFunction() {
    try (ChainFixture fixture = new ChainFixture()) {
      int gatewayPort = start(fixture);

      BlockingHttp.Answer answer =
          fixture.http.get(ChainProcess.HOST, gatewayPort, "/function/nope");

      assertThat(answer.status()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("describes six processes: gateway (the sink), orchestrator, four functions")
  void manifest() throws ReflectiveOperationException {
    AppManifest manifest = GatewayChain.manifest();

    assertThat(manifest.sink()).isEqualTo("gateway");
    assertThat(manifest.services())
        .extracting(s -> s.name())
        .containsExactly("gateway", "orchestrator", "get", "filterTemperature", "map", "movingAvg");
    for (var service : manifest.services()) {
      assertThat(Class.forName(service.mainClass()).getMethod("main", String[].class)).isNotNull();
    }
  }

  /**
   * Deploys every process of the chain as verticles of the fixture's Vert.x; returns the gateway
   * port.
   */
  private static int start(ChainFixture fixture) {
    Map<String, URI> peers = new HashMap<>();
    for (Stage stage : SmartBuildingStages.CHAIN) {
      int port = ChainFixture.freePort();
      fixture.vertx.deployVerticle(new FunctionService(stage, port)).await();
      peers.put(stage.name(), url(port));
    }
    int orchestratorPort = ChainFixture.freePort();
    int gatewayPort = ChainFixture.freePort();
    peers.put(GatewayChain.ORCHESTRATOR, url(orchestratorPort));
    fixture
        .vertx
        .deployVerticle(
            new Gateway(
                gatewayPort,
                name -> {
                  URI uri = peers.get(name);
                  if (uri == null) {
                    throw new IllegalStateException("no " + name);
                  }
                  return uri;
                }))
        .await();
    fixture.vertx.deployVerticle(new Orchestrator(orchestratorPort, url(gatewayPort))).await();
    return gatewayPort;
  }

  private static URI url(int port) {
    return URI.create("http://" + ChainProcess.HOST + ":" + port);
  }
}
