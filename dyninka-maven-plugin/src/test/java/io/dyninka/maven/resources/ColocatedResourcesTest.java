package io.dyninka.maven.resources;

import static io.dyninka.maven.resources.KubernetesResourcesTest.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.testing.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kubernetes resources with -Ddyninka.colocate")
class ColocatedResourcesTest {

  static final AppManifest APP = Manifests.smartBuilding();

  /** Settings with an image per service and autoscaling on, as the goals' defaults are. */
  static ResourceSettings settings() {
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
                        "sha256:" + "1".repeat(64),
                        "sha256:" + "2".repeat(64),
                        ImageTarget.REGISTRY)));
    ResourceSettings base = KubernetesResourcesTest.settings(images, 1);
    return base.toBuilder().autoscaling(Autoscaling.DEFAULT).build();
  }

  static String yaml(ResourceSettings settings) {
    return KubernetesResources.toYaml(
        KubernetesResources.withDefaultSteps().generate(APP, settings));
  }

  /** The YAML as written, parsed back: what kubectl would read. */
  static List<HasMetadata> grouped(String spec) {
    String yaml = yaml(settings().withPlacement(Placement.parse(spec, APP)));
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<HasMetadata> items =
        parsed instanceof KubernetesList list ? list.getItems() : (List<HasMetadata>) parsed;
    return items;
  }

  static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> kind) {
    return objects.stream().filter(kind::isInstance).map(o -> o.getMetadata().getName()).toList();
  }

  static String env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  final List<HasMetadata> headGrouped = grouped("get+filterTemperature+map");

  @Test
  @DisplayName("a split placement writes the same YAML, byte for byte, as no placement")
  void splitIsUnchanged() {
    assertThat(yaml(settings().withPlacement(Placement.split(APP)))).isEqualTo(yaml(settings()));
    assertThat(yaml(settings().withPlacement(Placement.parse("", APP))))
        .isEqualTo(yaml(settings()));
  }

  @Test
  @DisplayName(
      "one Deployment per group, whose one container hosts the group from the first image's own"
          + " entrypoint")
  void oneDeploymentPerGroup() {
    assertThat(names(headGrouped, Deployment.class))
        .containsExactly("get--filter-temperature--map", "moving-avg");
    Deployment group = find(headGrouped, Deployment.class, "get--filter-temperature--map");
    assertThat(group.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    Container c = group.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).startsWith("127.0.0.1:5000/smart-building-get");
    // The image's entrypoint runs, with the JVM flags the image was built with: its main hosts
    // the group DYNINKA_GROUP names.
    assertThat(c.getCommand()).isNullOrEmpty();
    assertThat(c.getArgs()).isNullOrEmpty();
    assertThat(env(c, "DYNINKA_GROUP")).isEqualTo("get+filterTemperature+map");
    assertThat(env(c, "DYNINKA_PORTS")).isEqualTo("get=8080,filterTemperature=8081,map=8082");
    assertThat(env(c, "PORT")).isNull();
    assertThat(c.getPorts())
        .extracting(ContainerPort::getContainerPort)
        .containsExactly(8080, 8081, 8082);
    // the last member to start is ready last: its port answers for the process
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8082);
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8082);
    assertThat(group.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(group.getSpec().getSelector().getMatchLabels())
        .containsEntry(Labels.PART_OF, "smart-building")
        .containsEntry(Labels.MANAGED_BY, "dyninka");
    assertThat(group.getMetadata().getLabels())
        .containsEntry(Labels.NAME, "get--filter-temperature--map");

    // the lone sink is exactly as in the split deployment
    Deployment split =
        find(KubernetesResourcesTest.parsedBack(settings()), Deployment.class, "moving-avg");
    assertThat(find(headGrouped, Deployment.class, "moving-avg")).isEqualTo(split);
  }

  @Test
  @DisplayName("a group's container gets the CPU of all its members, and one member's memory")
  void groupComputeResources() {
    Container c =
        find(headGrouped, Deployment.class, "get--filter-temperature--map")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(c.getResources().getRequests())
        .containsEntry("cpu", new Quantity("300m"))
        .containsEntry("memory", new Quantity("192Mi"));
    assertThat(c.getResources().getLimits())
        .containsEntry("memory", new Quantity("256Mi"))
        .doesNotContainKey("cpu");

    ResourceSettings base = settings();
    ResourceSettings withCpuLimit =
        base.toBuilder()
            .requests(Map.of("cpu", "250m", "memory", "192Mi"))
            .limits(Map.of("cpu", "500m", "memory", "256Mi"))
            .autoscaling(Autoscaling.DEFAULT)
            .build()
            .withPlacement(Placement.parse("get+filterTemperature+map,movingAvg", APP));
    Container limited =
        find(
                KubernetesResourcesTest.parsedBack(withCpuLimit),
                Deployment.class,
                "get--filter-temperature--map")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(limited.getResources().getRequests()).containsEntry("cpu", new Quantity("750m"));
    assertThat(limited.getResources().getLimits())
        .containsEntry("cpu", new Quantity("1500m"))
        .containsEntry("memory", new Quantity("256Mi"));
  }

  @Test
  @DisplayName(
      "a Service per member, under its kube name, selects the group's pods on the member's port")
  void servicePerMember() {
    assertThat(names(headGrouped, Service.class))
        .containsExactly("get", "filter-temperature", "map", "moving-avg");
    Deployment group = find(headGrouped, Deployment.class, "get--filter-temperature--map");
    Map<String, String> podLabels = group.getSpec().getTemplate().getMetadata().getLabels();
    int port = 8080;
    for (String member : List.of("get", "filter-temperature", "map")) {
      Service service = find(headGrouped, Service.class, member);
      assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
      assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(port++);
    }
  }

  @Test
  @DisplayName("a policy per group admits the groups that pull from its members, and no others")
  void policiesFromCrossingEdges() {
    assertThat(names(headGrouped, NetworkPolicy.class))
        .containsExactly("get--filter-temperature--map", "moving-avg");
    NetworkPolicy head = find(headGrouped, NetworkPolicy.class, "get--filter-temperature--map");
    assertThat(head.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(
            find(headGrouped, Deployment.class, "get--filter-temperature--map")
                .getSpec()
                .getSelector()
                .getMatchLabels());
    assertThat(head.getSpec().getIngress()).hasSize(1);
    assertThat(head.getSpec().getIngress().get(0).getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry(Labels.NAME, "moving-avg"));
    // the sink still admits every pod of its namespace
    NetworkPolicy sink = find(headGrouped, NetworkPolicy.class, "moving-avg");
    assertThat(sink.getSpec().getIngress().get(0).getFrom())
        .singleElement()
        .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels()).isNullOrEmpty());

    List<HasMetadata> tailGrouped = grouped("map+movingAvg");
    NetworkPolicy filter = find(tailGrouped, NetworkPolicy.class, "filter-temperature");
    assertThat(filter.getSpec().getIngress().get(0).getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry(Labels.NAME, "map--moving-avg"));
  }

  @Test
  @DisplayName(
      "a group of stateless members gets one autoscaler; a group with a stateful member keeps one"
          + " pod, replaced, not rolled")
  void scaling() {
    assertThat(names(headGrouped, HorizontalPodAutoscaler.class))
        .containsExactly("get--filter-temperature--map");
    assertThat(
            find(headGrouped, HorizontalPodAutoscaler.class, "get--filter-temperature--map")
                .getSpec()
                .getScaleTargetRef()
                .getName())
        .isEqualTo("get--filter-temperature--map");

    List<HasMetadata> tailGrouped = grouped("map+movingAvg");
    assertThat(names(tailGrouped, HorizontalPodAutoscaler.class))
        .containsExactly("get", "filter-temperature");
    Deployment tail = find(tailGrouped, Deployment.class, "map--moving-avg");
    assertThat(tail.getSpec().getReplicas()).isEqualTo(1);
    assertThat(tail.getSpec().getStrategy().getType()).isEqualTo("Recreate");
  }

  @Test
  @DisplayName(
      "the probes go to the member that starts last, in the app's order, whatever the spec's")
  void probesOnTheLastToStart() {
    Deployment group = find(grouped("map+get"), Deployment.class, "map--get");
    Container c = group.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(env(c, "DYNINKA_PORTS")).isEqualTo("map=8080,get=8081");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(c.getStartupProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
  }

  @Test
  @DisplayName("members that set a variable differently cannot share a process, and are named")
  void conflictingEnvironment() {
    ResourceSettings base = settings();
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of("get", Map.of("LIMIT", "1"), "map", Map.of("LIMIT", "2")),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            "IfNotPresent",
            PodSettings.PreStop.SLEEP);
    ResourceSettings settings =
        base.toBuilder()
            .pods(pods)
            .autoscaling(Autoscaling.DEFAULT)
            .build()
            .withPlacement(Placement.parse("get+map", APP));

    assertThatThrownBy(() -> yaml(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("services 'get' and 'map' of group 'get+map'")
        .hasMessageContaining("set LIMIT differently");
  }
}
