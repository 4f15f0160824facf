package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.runtime.PeerAddresses;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The podman variant: a Kubernetes Pod per service for {@code podman kube play}, on the host
 * network, each service on its own loopback port and finding its peers through {@code
 * DYNINKA_PEERS}. Hardened as on Kubernetes, by the same {@link PodHardening} (podman keeps no
 * writable /tmp in a read-only container, so the emptyDir /tmp matters here too). No probes: podman
 * turns them into health checks run inside the image, which has no shell or curl; {@code
 * dyninka:deploy} checks readiness over HTTP instead.
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

  /** The pod name of a service: pods share the host's namespace, so the app name prefixes it. */
  public static String podName(AppManifest app, ServiceManifest service) {
    return app.app() + "-" + service.kubeName();
  }

  public static List<Pod> generate(AppManifest app, ResourceSettings settings) {
    Map<String, Integer> ports = ports(app, settings);
    String peers = peers(app, settings);
    return app.services().stream()
        .map(s -> pod(app, s, settings, ports.get(s.name()), peers))
        .toList();
  }

  private static Pod pod(
      AppManifest app, ServiceManifest s, ResourceSettings settings, int port, String peers) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.NAME, s.kubeName());
    labels.putAll(Labels.ofApp(app));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Labels.SERVICE, s.name());
    // No digest annotation: podman 4 checks annotation values like label values (at most 63
    // characters), and a sha256 digest is 71. The deployer's config-hash label tracks changes.
    // An image built into podman's store is found by its tag; one in a registry is pulled.
    boolean local = settings.image(s).map(i -> i.target() != ImageTarget.REGISTRY).orElse(false);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(podName(app, s))
            .withLabels(labels)
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            .withHostNetwork(true)
            .withRestartPolicy("Always")
            .addNewContainer()
            .withName(s.kubeName())
            .withImage(settings.taggedImageFor(app, s))
            .withImagePullPolicy(local ? "Never" : "Always")
            .addNewEnv()
            .withName("PORT")
            .withValue(Integer.toString(port))
            .endEnv()
            .addNewEnv()
            .withName(PeerAddresses.ENV)
            .withValue(peers)
            .endEnv()
            .endContainer()
            .endSpec()
            .build();
    PodHardening.harden(pod.getSpec(), settings.user());
    return pod;
  }
}
