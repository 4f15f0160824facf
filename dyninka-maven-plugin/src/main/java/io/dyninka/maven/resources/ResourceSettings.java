package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerUser;
import io.dyninka.maven.image.ImageNames;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.tls.TlsSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the resources need beyond the manifest.
 *
 * @param registry the registry of the image names, when no build recorded them
 * @param tag the image tag, when no build recorded the images
 * @param images the images of the last {@code dyninka:build}, by service; empty when none
 * @param version the app version, for the {@code app.kubernetes.io/version} label
 * @param replicas pods per stateless service; a service with placed state always has one
 * @param requests CPU and memory requests, e.g. {@code cpu=100m, memory=128Mi}
 * @param limits CPU and memory limits
 * @param user the numeric user and group the containers run as
 * @param containerPort the port services listen on in their container
 * @param podmanBasePort the first loopback port of the podman variant
 * @param marathonCpus CPUs per Marathon app instance
 * @param marathonMem memory (MiB) per Marathon app instance
 * @param marathonPeerUrl how one Marathon app reaches another: a template with {@code {app}} and
 *     {@code {kubeName}}
 * @param pods what an operator sets on the pods: environment, sink callers, image pulls, preStop
 * @param autoscaling the HorizontalPodAutoscaler of each service that may scale
 * @param serviceMonitor whether a Prometheus Operator ServiceMonitor scrapes the app's services
 * @param placement which services share a process; null for one process per service
 * @param tls whether the services speak mutual TLS, and who issues their certificates
 */
public record ResourceSettings(
    String registry,
    String tag,
    Map<String, BuiltImage> images,
    String version,
    int replicas,
    Map<String, String> requests,
    Map<String, String> limits,
    ContainerUser user,
    int containerPort,
    int podmanBasePort,
    double marathonCpus,
    int marathonMem,
    String marathonPeerUrl,
    PodSettings pods,
    Autoscaling autoscaling,
    boolean serviceMonitor,
    Placement placement,
    TlsSettings tls) {

  public static final String DEFAULT_MARATHON_PEER_URL =
      "http://{app}-{kubeName}.marathon.l4lb.thisdcos.directory:80";

  /** Settings of services that speak plain HTTP. */
  public ResourceSettings(
      String registry,
      String tag,
      Map<String, BuiltImage> images,
      String version,
      int replicas,
      Map<String, String> requests,
      Map<String, String> limits,
      ContainerUser user,
      int containerPort,
      int podmanBasePort,
      double marathonCpus,
      int marathonMem,
      String marathonPeerUrl,
      PodSettings pods,
      Autoscaling autoscaling,
      boolean serviceMonitor,
      Placement placement) {
    this(
        registry,
        tag,
        images,
        version,
        replicas,
        requests,
        limits,
        user,
        containerPort,
        podmanBasePort,
        marathonCpus,
        marathonMem,
        marathonPeerUrl,
        pods,
        autoscaling,
        serviceMonitor,
        placement,
        TlsSettings.OFF);
  }

  /** Settings of the split deployment: one process, and one Deployment, per service. */
  public ResourceSettings(
      String registry,
      String tag,
      Map<String, BuiltImage> images,
      String version,
      int replicas,
      Map<String, String> requests,
      Map<String, String> limits,
      ContainerUser user,
      int containerPort,
      int podmanBasePort,
      double marathonCpus,
      int marathonMem,
      String marathonPeerUrl,
      PodSettings pods,
      Autoscaling autoscaling,
      boolean serviceMonitor) {
    this(
        registry,
        tag,
        images,
        version,
        replicas,
        requests,
        limits,
        user,
        containerPort,
        podmanBasePort,
        marathonCpus,
        marathonMem,
        marathonPeerUrl,
        pods,
        autoscaling,
        serviceMonitor,
        null);
  }

  /** These settings with the services grouped as {@code placement} says. */
  public ResourceSettings withPlacement(Placement placement) {
    return new ResourceSettings(
        registry,
        tag,
        images,
        version,
        replicas,
        requests,
        limits,
        user,
        containerPort,
        podmanBasePort,
        marathonCpus,
        marathonMem,
        marathonPeerUrl,
        pods,
        autoscaling,
        serviceMonitor,
        placement,
        tls);
  }

  /** These settings with mutual TLS as {@code tls} says. */
  public ResourceSettings withTls(TlsSettings tls) {
    return new ResourceSettings(
        registry,
        tag,
        images,
        version,
        replicas,
        requests,
        limits,
        user,
        containerPort,
        podmanBasePort,
        marathonCpus,
        marathonMem,
        marathonPeerUrl,
        pods,
        autoscaling,
        serviceMonitor,
        placement,
        tls);
  }

  /** Which services share a process ({@code dyninka.colocate}); every one alone without it. */
  public Placement placementOf(AppManifest app) {
    return placement == null ? Placement.split(app) : placement;
  }

  /**
   * Settings whose pods get nothing an operator sets ({@link PodSettings#NONE}), with neither an
   * autoscaler nor a ServiceMonitor: the objects of earlier versions.
   */
  public ResourceSettings(
      String registry,
      String tag,
      Map<String, BuiltImage> images,
      String version,
      int replicas,
      Map<String, String> requests,
      Map<String, String> limits,
      ContainerUser user,
      int containerPort,
      int podmanBasePort,
      double marathonCpus,
      int marathonMem,
      String marathonPeerUrl) {
    this(
        registry,
        tag,
        images,
        version,
        replicas,
        requests,
        limits,
        user,
        containerPort,
        podmanBasePort,
        marathonCpus,
        marathonMem,
        marathonPeerUrl,
        PodSettings.NONE,
        Autoscaling.OFF,
        false);
  }

  public ResourceSettings {
    images = Map.copyOf(images);
    requests = Map.copyOf(requests);
    limits = Map.copyOf(limits);
    Objects.requireNonNull(autoscaling, "autoscaling");
    Objects.requireNonNull(tls, "tls");
    if (containerPort < 1 || containerPort > 65535) {
      throw new IllegalArgumentException(
          "dyninka.image.port must be a TCP port (1-65535), not " + containerPort);
    }
    if (replicas < 1) {
      throw new IllegalArgumentException("dyninka.replicas must be at least 1, not " + replicas);
    }
  }

  public Optional<BuiltImage> image(ServiceManifest service) {
    return Optional.ofNullable(images.get(service.name()));
  }

  /**
   * The image an orchestrator runs: pinned to its digest when a build recorded it in a registry, so
   * that a redeploy changes exactly the services whose image changed; else the tagged name.
   */
  public String imageFor(AppManifest app, ServiceManifest service) {
    return image(service)
        .map(i -> i.target() == ImageTarget.REGISTRY ? i.pinnedReference() : i.reference())
        .orElseGet(() -> ImageNames.reference(registry, tag, app, service));
  }

  /** The tagged image name: what podman finds in its local store. */
  public String taggedImageFor(AppManifest app, ServiceManifest service) {
    return image(service)
        .map(BuiltImage::reference)
        .orElseGet(() -> ImageNames.reference(registry, tag, app, service));
  }

  /**
   * The images a cluster cannot pull: named without a registry ({@code app-svc:tag}), unless the
   * pull policy is {@code Never} (images loaded onto the nodes).
   */
  public List<String> unpullableImages(AppManifest app) {
    if (pods.imagePullPolicy().equals("Never")) {
      return List.of();
    }
    return app.services().stream()
        .map(s -> imageFor(app, s))
        .filter(image -> !image.contains("/"))
        .toList();
  }

  /** The replicas of a service: state placed in a service lives in one JVM, so it gets one. */
  public int replicasOf(ServiceManifest service) {
    return service.stateful() ? 1 : replicas;
  }
}
