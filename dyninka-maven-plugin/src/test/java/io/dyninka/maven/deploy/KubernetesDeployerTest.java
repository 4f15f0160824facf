package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.Labels;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(
    crud = true,
    kubernetesClientBuilderCustomizer = ServerSideApplyOnCrudMock.class)
class KubernetesDeployerTest {

  static final AppManifest APP = Manifests.smartBuilding();
  static final String NS = "test";

  KubernetesClient client;
  KubernetesMockServer server;
  FakeKubelet kubelet;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void kubelet() {
    kubelet = new FakeKubelet(client, NS);
  }

  @AfterEach
  void stop() {
    kubelet.close();
  }

  KubernetesDeployer deployer(Duration timeout) {
    return new KubernetesDeployer(client, NS, timeout, Duration.ofMillis(50), log::add);
  }

  static List<HasMetadata> objects(Map<String, String> digests) {
    return objects(digests, null);
  }

  static List<HasMetadata> objects(Map<String, String> digests, String colocate) {
    Map<String, BuiltImage> images = new LinkedHashMap<>();
    APP.services()
        .forEach(
            s ->
                images.put(
                    s.name(),
                    new BuiltImage(
                        s.name(),
                        "127.0.0.1:5000/smart-building-" + s.kubeName() + ":1.0",
                        "127.0.0.1:5000/smart-building-" + s.kubeName(),
                        digests.getOrDefault(s.name(), "sha256:" + "1".repeat(64)),
                        "sha256:" + "2".repeat(64),
                        ImageTarget.REGISTRY)));
    ResourceSettings settings =
        ResourceSettings.builder()
            .registry("127.0.0.1:5000")
            .tag("1.0")
            .images(images)
            .version("1.0")
            .requests(Map.of("cpu", "100m", "memory", "192Mi"))
            .limits(Map.of("memory", "256Mi"))
            .build();
    return KubernetesResources.withDefaultSteps()
        .generate(APP, settings.withPlacement(Placement.parse(colocate, APP)));
  }

  List<String> appObjects() {
    Map<String, String> selector =
        Map.of(Labels.PART_OF, APP.app(), Labels.MANAGED_BY, Labels.MANAGER);
    return Stream.of(
            client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withLabels(selector)
                .list()
                .getItems()
                .stream(),
            client.services().inNamespace(NS).withLabels(selector).list().getItems().stream(),
            client
                .network()
                .v1()
                .networkPolicies()
                .inNamespace(NS)
                .withLabels(selector)
                .list()
                .getItems()
                .stream())
        .flatMap(s -> s.map(KubernetesDeployer::key))
        .sorted()
        .toList();
  }

  long generation(String deployment) {
    return client
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName(deployment)
        .get()
        .getMetadata()
        .getGeneration();
  }

  @Test
  @DisplayName(
      "deploy creates exactly a Deployment, a Service and a NetworkPolicy per service, and waits until ready")
  void createsExpectedObjects() throws Exception {
    kubelet.startingIn(Duration.ofMillis(400));
    DeployResult result = deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));

    assertThat(appObjects())
        .containsExactlyInAnyOrder(
            "Deployment/get",
            "Deployment/filter-temperature",
            "Deployment/map",
            "Deployment/moving-avg",
            "Service/get",
            "Service/filter-temperature",
            "Service/map",
            "Service/moving-avg",
            "NetworkPolicy/get",
            "NetworkPolicy/filter-temperature",
            "NetworkPolicy/map",
            "NetworkPolicy/moving-avg");
    assertThat(result.changed()).hasSize(12);
    assertThat(log).anyMatch(l -> l.startsWith("ready 4/4"));
    assertThat(log).anyMatch(l -> l.contains("waiting for"));
    Deployment map = client.apps().deployments().inNamespace(NS).withName("map").get();
    assertThat(map.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("127.0.0.1:5000/smart-building-map@sha256:" + "1".repeat(64));
  }

  @Test
  @DisplayName("a redeploy with one service's new image digest rolls only that Deployment")
  void rollsOnlyChangedService() throws Exception {
    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));
    assertThat(Stream.of("get", "filter-temperature", "map", "moving-avg").map(this::generation))
        .containsOnly(1L);

    log.clear();
    DeployResult again =
        deployer(Duration.ofSeconds(20))
            .deploy(APP.app(), objects(Map.of("map", "sha256:" + "9".repeat(64))));

    assertThat(again.changed()).containsExactly("Deployment/map");
    assertThat(generation("map")).isEqualTo(2);
    assertThat(Stream.of("get", "filter-temperature", "moving-avg").map(this::generation))
        .containsOnly(1L);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName("map")
                .get()
                .getMetadata()
                .getAnnotations())
        .containsEntry(Labels.IMAGE_DIGEST, "sha256:" + "9".repeat(64));
  }

  @Test
  @DisplayName(
      "a change of grouping redeploys cleanly: the new group's Deployment, the members' Services"
          + " kept, and nothing left of the old grouping")
  void regroupingPrunesTheOldGrouping() throws Exception {
    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));

    DeployResult grouped =
        deployer(Duration.ofSeconds(20))
            .deploy(APP.app(), objects(Map.of(), "get+filterTemperature+map"));

    assertThat(appObjects())
        .containsExactlyInAnyOrder(
            "Deployment/get--filter-temperature--map",
            "Deployment/moving-avg",
            "Service/get",
            "Service/filter-temperature",
            "Service/map",
            "Service/moving-avg",
            "NetworkPolicy/get--filter-temperature--map",
            "NetworkPolicy/moving-avg");
    assertThat(grouped.changed())
        .contains(
            "Deployment/get--filter-temperature--map",
            "Deployment/get",
            "Deployment/filter-temperature",
            "Deployment/map",
            "NetworkPolicy/get")
        .doesNotContain("Deployment/moving-avg");
    assertThat(log).contains("deleted    Deployment/get");

    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));

    assertThat(appObjects())
        .containsExactlyInAnyOrder(
            "Deployment/get",
            "Deployment/filter-temperature",
            "Deployment/map",
            "Deployment/moving-avg",
            "Service/get",
            "Service/filter-temperature",
            "Service/map",
            "Service/moving-avg",
            "NetworkPolicy/get",
            "NetworkPolicy/filter-temperature",
            "NetworkPolicy/map",
            "NetworkPolicy/moving-avg");
  }

  @Test
  @DisplayName("an unchanged redeploy changes nothing")
  void idempotent() throws Exception {
    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));
    DeployResult again = deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));
    assertThat(again.changed()).isEmpty();
    assertThat(again.unchanged()).hasSize(12);
  }

  @Test
  @DisplayName("undeploy removes everything deploy made, and only that")
  void undeployLeavesNothing() throws Exception {
    client
        .services()
        .inNamespace(NS)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("someone-else")
                .addToLabels(Labels.PART_OF, "other")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build())
        .create();
    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));

    List<String> deleted = deployer(Duration.ofSeconds(20)).undeploy(APP.app());

    assertThat(deleted).hasSize(12);
    assertThat(appObjects()).isEmpty();
    assertThat(client.services().inNamespace(NS).withName("someone-else").get()).isNotNull();
  }

  @Test
  @DisplayName(
      "an image the cluster cannot pull fails the deploy, says what to fix, and leaves nothing behind")
  void missingImageRollsBack() {
    kubelet.withoutImage("127.0.0.1:5000/smart-building-map@sha256:" + "1".repeat(64));

    assertThatThrownBy(() -> deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of())))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("image of map cannot be pulled (ErrImagePull)")
        .hasMessageContaining("dyninka:build")
        .hasMessageContaining("Applied before the failure: Service/get")
        .hasMessageContaining("rolled back");
    assertThat(appObjects()).isEmpty();
  }

  @Test
  @DisplayName("a failed redeploy restores the objects it had changed")
  void failedRedeployRestores() throws Exception {
    deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of()));
    String broken = "sha256:" + "7".repeat(64);
    kubelet.withoutImage("127.0.0.1:5000/smart-building-get@" + broken);

    assertThatThrownBy(
            () ->
                deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of("get", broken))))
        .isInstanceOf(DeployException.class)
        .satisfies(
            e -> assertThat(((DeployException) e).applied()).containsExactly("Deployment/get"));
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName("get")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .endsWith("1".repeat(64));
    assertThat(appObjects()).hasSize(12);
  }

  @Test
  @DisplayName(
      "RBAC forbidden names the object and the permissions to ask for, and rolls back what was applied")
  void forbidden() {
    server
        .expect()
        .put()
        .withPath(
            "/apis/networking.k8s.io/v1/namespaces/test/networkpolicies/get?fieldManager=dyninka&force=true")
        .andReturn(
            403,
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "networkpolicies.networking.k8s.io \"get\" is forbidden: User \"dev\" cannot patch resource")
                .build())
        .always();

    assertThatThrownBy(() -> deployer(Duration.ofSeconds(20)).deploy(APP.app(), objects(Map.of())))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("Forbidden to create NetworkPolicy/get in namespace test (RBAC)")
        .hasMessageContaining("networkpolicies (networking.k8s.io)")
        .hasMessageContaining(
            "Applied before the failure: Service/get, Service/filter-temperature, Service/map, Service/moving-avg")
        .hasMessageContaining("rolled back");
    assertThat(appObjects()).isEmpty();
  }

  @Test
  @DisplayName("no reachable cluster says where it looked and what to do, having applied nothing")
  void noCluster() {
    var config =
        new io.fabric8.kubernetes.client.ConfigBuilder()
            .withMasterUrl("https://127.0.0.1:1/")
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(2000)
            .withNamespace(NS)
            .build();
    try (KubernetesClient nowhere =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(
              () ->
                  new KubernetesDeployer(
                          nowhere, NS, Duration.ofSeconds(5), Duration.ofMillis(50), log::add)
                      .deploy(APP.app(), objects(Map.of())))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("No Kubernetes cluster reachable at https://127.0.0.1:1/")
          .hasMessageContaining("-Ddyninka.target=")
          .hasMessageContaining("Nothing had been applied");
    }
  }

  @Test
  @DisplayName(
      "a service that never gets ready times out with its name, and the deploy is rolled back")
  void timeout() {
    kubelet.close();
    assertThatThrownBy(() -> deployer(Duration.ofMillis(300)).deploy(APP.app(), objects(Map.of())))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("dyninka.deploy.timeout")
        .hasMessageContaining("get (0/1)");
    assertThat(appObjects()).isEmpty();
  }
}
