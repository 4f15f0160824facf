package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesConnectionTest {

  @TempDir Path dir;

  @Test
  @DisplayName("a refused API server is reported with its URL and how to choose another target")
  void refused() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build();
    List<String> log = new ArrayList<>();
    try (KubernetesConnection connection = KubernetesConnection.open(config)) {
      KubernetesDeployer deployer =
          new KubernetesDeployer(
              connection.client(), "test", Duration.ofSeconds(5), Duration.ofMillis(50), log::add);
      ResourceSettings settings = Settings.defaults();
      var objects =
          KubernetesResources.withDefaultSteps().generate(Manifests.smartBuilding(), settings);
      assertThatThrownBy(() -> deployer.deploy("smart-building", objects))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("No Kubernetes cluster reachable at https://127.0.0.1:1/")
          .hasMessageContaining("-Ddyninka.target=podman|marathon|local")
          .hasMessageNotContaining("deploy elsewhere");
    }
  }

  @Test
  @DisplayName(
      "the kubernetes target without a kubeconfig or a pod says so, not the in-cluster URL")
  void noKubeconfig() {
    TargetDetector detector = new TargetDetector(Map.of(), dir.resolve("no-such-config"));
    TargetSettings settings =
        new TargetSettings("", Duration.ofSeconds(1), null, List.of("podman"), true, dir);
    assertThatThrownBy(() -> Deployers.open(Target.KUBERNETES, detector, settings, s -> {}))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("No Kubernetes cluster configured")
        .hasMessageContaining(dir.resolve("no-such-config").toString())
        .hasMessageContaining("KUBECONFIG");
  }

  @Test
  @DisplayName("undeploy from the local target removes nothing and fails on nothing")
  void local() throws Exception {
    TargetDetector detector = new TargetDetector(Map.of(), dir.resolve("none"));
    TargetSettings settings =
        new TargetSettings("", Duration.ofSeconds(1), null, List.of("podman"), true, dir);
    try (Deployer local = Deployers.open(Target.LOCAL, detector, settings, s -> {})) {
      assertThat(local.undeploy(Manifests.smartBuilding())).isEmpty();
      assertThatThrownBy(() -> local.deploy(Manifests.smartBuilding(), Settings.defaults()))
          .hasMessageContaining("mvn dyninka:run");
    }
  }
}
