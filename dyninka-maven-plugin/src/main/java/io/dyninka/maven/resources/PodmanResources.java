package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.runtime.PeerAddresses;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The podman variant: a Kubernetes Pod per process for {@code podman kube play}, on the host
 * network, each service on its own loopback port and finding its peers through {@code
 * DYNINKA_PEERS}. Hardened as on Kubernetes, by the same {@link PodHardening} (podman keeps no
 * writable /tmp in a read-only container, so the emptyDir /tmp matters here too). No probes: podman
 * turns them into health checks run inside the image, which has no shell or curl; {@code
 * dyninka:deploy} checks readiness over HTTP instead.
 *
 * <p>With {@code dyninka.colocate}, a group is one pod whose one container runs the first member's
 * image with {@code DYNINKA_GROUP} and {@code DYNINKA_PORTS}: each member keeps the loopback port
 * it has in the split deployment, so {@code DYNINKA_PEERS} is the same string either way.
 *
 * <p>The operator's {@code env} and {@code envFrom} go on each container as on Kubernetes. {@code
 * podman kube play} takes a {@code secretRef} from the podman secret of that name (made from a
 * Kubernetes Secret with {@code podman kube play secret.yaml}), and a {@code configMapRef} only
 * from a file given with {@code --configmap}: {@code dyninka:deploy} refuses that one ({@link
 * #configMapsOf}).
 */
public final class PodmanResources {

  private PodmanResources() {}

  /** The loopback port of each service, by service name, in manifest order from the base port. */
  public static Map<String, Integer> ports(AppManifest app, ResourceSettings settings) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    int port = settings.podmanBasePort();
    for (ServiceManifest s : app.services()) {
      ports.put(s.name(), port++);
    }
    return ports;
  }

  /**
   * {@code DYNINKA_PEERS} for the loopback ports: every service of the app, so a route may name
   * any.
   */
  public static String peers(AppManifest app, ResourceSettings settings) {
    Map<String, List<String>> replicas = new LinkedHashMap<>();
    ports(app, settings)
        .forEach((name, port) -> replicas.put(name, List.of("http://127.0.0.1:" + port)));
    return PeerAddresses.encode(replicas);
  }

  /** The pod name of a process: pods share the host's namespace, so the app name prefixes it. */
  public static String podName(AppManifest app, PlacedProcess process) {
    return app.app() + "-" + process.kubeName();
  }

  /**
   * The ConfigMaps the pods read variables from, which {@code podman kube play} finds only in
   * files.
   */
  public static List<String> configMapsOf(AppManifest app, ResourceSettings settings) {
    Set<String> names = new LinkedHashSet<>();
    for (ServiceManifest s : app.services()) {
      settings.pods().envFromOf(s.name()).stream()
          .filter(source -> source.kind() == PodSettings.EnvSource.Kind.CONFIGMAP)
          .forEach(source -> names.add(source.name()));
    }
    return List.copyOf(names);
  }

  public static List<Pod> generate(AppManifest app, ResourceSettings settings) {
    Map<String, Integer> ports = ports(app, settings);
    String peers = peers(app, settings);
    return PlacedProcess.of(app, settings).stream()
        .map(p -> pod(app, p, settings, ports, peers))
        .toList();
  }

  private static Pod pod(
      AppManifest app,
      PlacedProcess process,
      ResourceSettings settings,
      Map<String, Integer> ports,
      String peers) {
    ServiceManifest first = process.first();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.NAME, process.kubeName());
    labels.putAll(Labels.ofApp(app));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Labels.SERVICE, process.grouped() ? process.group().name() : first.name());
    // No digest annotation: podman 4 checks annotation values like label values (at most 63
    // characters), and a sha256 digest is 71. The deployer's config-hash label tracks changes.
    // An image built into podman's store is found by its tag; one in a registry is pulled.
    boolean local =
        settings.image(first).map(i -> i.target() != ImageTarget.REGISTRY).orElse(false);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(podName(app, process))
            .withLabels(labels)
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            .withHostNetwork(true)
            .withRestartPolicy("Always")
            .addNewContainer()
            .withName(process.kubeName())
            .withImage(settings.taggedImageFor(app, first))
            .withImagePullPolicy(local ? "Never" : "Always")
            .withEnv(environment(process, settings.pods(), ports, peers))
            .withEnvFrom(environmentSources(process, settings.pods()))
            .endContainer()
            .endSpec()
            .build();
    PodHardening.harden(pod.getSpec(), settings.user());
    return pod;
  }

  private static List<EnvVar> environment(
      PlacedProcess process, PodSettings pods, Map<String, Integer> ports, String peers) {
    List<EnvVar> env = new ArrayList<>();
    if (process.grouped()) {
      env.add(variable(ColocationStep.GROUP_ENV, process.group().name()));
      env.add(variable(ColocationStep.PORTS_ENV, process.portsVariable(ports)));
    } else {
      env.add(variable("PORT", Integer.toString(ports.get(process.first().name()))));
    }
    env.add(variable(PeerAddresses.ENV, peers));
    List<Map<String, String>> own =
        process.members().stream().map(m -> pods.envOf(m.name())).toList();
    GroupEnvironment.merge(
            process.group().name(),
            process.members().stream().map(ServiceManifest::name).toList(),
            own)
        .forEach((name, value) -> env.add(variable(name, value)));
    return env;
  }

  private static List<EnvFromSource> environmentSources(PlacedProcess process, PodSettings pods) {
    Set<PodSettings.EnvSource> sources = new LinkedHashSet<>();
    process.members().forEach(m -> sources.addAll(pods.envFromOf(m.name())));
    List<EnvFromSource> envFrom = new ArrayList<>();
    for (PodSettings.EnvSource source : sources) {
      EnvFromSourceBuilder from = new EnvFromSourceBuilder();
      envFrom.add(
          source.kind() == PodSettings.EnvSource.Kind.SECRET
              ? from.withNewSecretRef().withName(source.name()).endSecretRef().build()
              : from.withNewConfigMapRef().withName(source.name()).endConfigMapRef().build());
    }
    return envFrom.isEmpty() ? null : envFrom;
  }

  private static EnvVar variable(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
