package io.dyninka.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.launch.LaunchException;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.state.Clients.Answer;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The local launcher with replicas of a stateful service")
class LaunchedReplicasTest {

  private static AppManifest app() {
    ServiceManifest invoice =
        ServiceManifest.builder("invoice")
            .kubeName("invoice")
            .mainClass(InvoiceMain.class.getName())
            .output("long")
            .placed(StateServices.class.getName() + "#issued")
            .build();
    return new AppManifest("state", StateServices.class.getName(), List.of(invoice), "invoice");
  }

  @Test
  @DisplayName("starts two replicas sharing their state in the store, each with its own name")
  void twoReplicas() throws Exception {
    try (RedisServer redis = RedisServer.start();
        RunningApp app =
            LocalLauncher.builder()
                .environment(Map.of("DYNINKA_STATE_STORE", redis.url()))
                .replicas("invoice", 2)
                .logSink(line -> {})
                .build()
                .start(app())) {
      assertThat(app.services()).extracting(s -> s.name()).containsExactly("invoice", "invoice#2");
      assertThat(app.url("invoice")).isNotEqualTo(app.url("invoice#2"));

      List<Answer> answers =
          Clients.concurrently(
              8, 200, i -> Clients.get(app.url(i % 2 == 0 ? "invoice" : "invoice#2").resolve("/")));

      assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
      assertThat(answers.stream().map(a -> Long.parseLong(a.body())).sorted().toList())
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }
  }

  @Test
  @DisplayName("refuses replicas of a stateful service without a state store, saying why")
  void pinnedWithoutStore() {
    LocalLauncher launcher = LocalLauncher.builder().replicas("invoice", 2).build();

    assertThatThrownBy(() -> launcher.start(app()))
        .isInstanceOf(LaunchException.class)
        .hasMessageContaining("Service 'invoice' has placed state")
        .hasMessageContaining("DYNINKA_STATE_STORE");
  }

  @Test
  @DisplayName("refuses replicas of a service the app does not have")
  void unknownService() {
    LocalLauncher launcher = LocalLauncher.builder().replicas("ghost", 2).build();

    assertThatThrownBy(() -> launcher.start(app())).hasMessageContaining("'ghost'");
  }
}
