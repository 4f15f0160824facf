package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("target detection follows SPEC section 5's precedence")
class TargetDetectorTest {

  @TempDir Path dir;
  Path kubeconfig;
  Path bin;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void machine() throws Exception {
    kubeconfig = dir.resolve("kubeconfig");
    bin = Files.createDirectories(dir.resolve("bin"));
    env.put("PATH", "/nonexistent");
  }

  Target detect(String override) {
    return new TargetDetector(env, kubeconfig).detect(override).target();
  }

  void kubeconfigWithContext() throws Exception {
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: dev
          cluster: {server: "https://127.0.0.1:6443"}
        contexts:
        - name: dev
          context: {cluster: dev, user: me, namespace: shop}
        current-context: dev
        users:
        - name: me
          user: {token: abc}
        """);
  }

  void podmanOnPath() throws Exception {
    Path podman =
        Files.createFile(
            bin.resolve("podman"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    env.put("PATH", "/nonexistent:" + podman.getParent());
  }

  @Test
  @DisplayName("nothing at all: local")
  void local() {
    assertThat(detect(null)).isEqualTo(Target.LOCAL);
  }

  @Test
  @DisplayName("podman on the PATH: podman")
  void podman() throws Exception {
    podmanOnPath();
    assertThat(detect(null)).isEqualTo(Target.PODMAN);
  }

  @Test
  @DisplayName("MARATHON_URL beats podman")
  void marathon() throws Exception {
    podmanOnPath();
    env.put("MARATHON_URL", "http://127.0.0.1:8080");
    assertThat(detect(null)).isEqualTo(Target.MARATHON);
  }

  @Test
  @DisplayName("a kubeconfig context beats MARATHON_URL and podman")
  void kubeconfig() throws Exception {
    podmanOnPath();
    env.put("MARATHON_URL", "http://127.0.0.1:8080");
    kubeconfigWithContext();
    TargetDetector.Detection d = new TargetDetector(env, kubeconfig).detect(null);
    assertThat(d.target()).isEqualTo(Target.KUBERNETES);
    assertThat(d.reason()).contains("context 'dev'");
  }

  @Test
  @DisplayName("KUBECONFIG lists the kubeconfig files to read")
  void kubeconfigEnv() throws Exception {
    kubeconfigWithContext();
    Path other = Files.move(kubeconfig, dir.resolve("other"));
    env.put("KUBECONFIG", dir.resolve("missing") + ":" + other);
    assertThat(detect(null)).isEqualTo(Target.KUBERNETES);
  }

  @Test
  @DisplayName("a kubeconfig without contexts does not count")
  void emptyKubeconfig() throws Exception {
    Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n");
    assertThat(detect(null)).isEqualTo(Target.LOCAL);
  }

  @Test
  @DisplayName("KUBERNETES_SERVICE_HOST (inside a pod): kubernetes")
  void inCluster() {
    env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
    env.put("MARATHON_URL", "http://127.0.0.1:8080");
    assertThat(detect(null)).isEqualTo(Target.KUBERNETES);
  }

  @Test
  @DisplayName("-Ddyninka.target beats everything")
  void override() throws Exception {
    kubeconfigWithContext();
    env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
    assertThat(detect("podman")).isEqualTo(Target.PODMAN);
    assertThat(detect("LOCAL")).isEqualTo(Target.LOCAL);
  }

  @Test
  @DisplayName("an unknown target names the choices")
  void unknown() {
    assertThatThrownBy(() -> detect("swarm"))
        .hasMessageContaining("kubernetes, marathon, podman or local");
  }
}
