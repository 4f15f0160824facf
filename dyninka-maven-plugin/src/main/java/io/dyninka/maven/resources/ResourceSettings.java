package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerUser;
import io.dyninka.maven.image.ImageNames;
import io.dyninka.maven.image.ImageSettings;
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
 * @param replicas pods per service that may scale: a stateless one, or on Kubernetes a stateful one
 *     whose state is in the store {@code stateStore} names; any other stateful service has one
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
 * @param stateStore the Secret with the state store's address on Kubernetes; null for none, which
 *     keeps each stateful service in one pod
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
    StateStoreSecret stateStore,
    TlsSettings tls) {

  public static final String DEFAULT_MARATHON_PEER_URL =
      "http://{app}-{kubeName}.marathon.l4lb.thisdcos.directory:80";

  /** Settings with the defaults of {@link Builder}, to change where they matter. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .registry(registry)
        .tag(tag)
        .images(images)
        .version(version)
        .replicas(replicas)
        .requests(requests)
        .limits(limits)
        .user(user)
        .containerPort(containerPort)
        .podmanBasePort(podmanBasePort)
        .marathonCpus(marathonCpus)
        .marathonMem(marathonMem)
        .marathonPeerUrl(marathonPeerUrl)
        .pods(pods)
        .autoscaling(autoscaling)
        .serviceMonitor(serviceMonitor)
        .placement(placement)
        .stateStore(stateStore)
        .tls(tls);
  }

  /** These settings with the services grouped as {@code placement} says. */
  public ResourceSettings withPlacement(Placement placement) {
    return toBuilder().placement(placement).build();
  }

  /** These settings with the stateful services' state in the store {@code secret} names. */
  public ResourceSettings withStateStore(StateStoreSecret secret) {
    return toBuilder().stateStore(secret).build();
  }

  /** These settings with mutual TLS as {@code tls} says. */
  public ResourceSettings withTls(TlsSettings tls) {
    return toBuilder().tls(tls).build();
  }

  /** Which services share a process ({@code dyninka.colocate}); every one alone without it. */
  public Placement placementOf(AppManifest app) {
    return placement == null ? Placement.split(app) : placement;
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

  /**
   * The replicas of a service where no state store is configured (Marathon, podman): state placed
   * in a service lives in one JVM, so it gets one.
   */
  public int replicasOf(ServiceManifest service) {
    return service.stateful() ? 1 : replicas;
  }

  /**
   * Whether several pods of a service may serve it on Kubernetes, and a rollout may run an old and
   * a new one side by side: it has no placed state, or its state is in the store.
   */
  public boolean scalesOnKubernetes(ServiceManifest service) {
    return !service.stateful() || stateStore != null;
  }

  /** The pods of a service on Kubernetes: {@code replicas} if it may scale, else one. */
  public int kubernetesReplicasOf(ServiceManifest service) {
    return scalesOnKubernetes(service) ? replicas : 1;
  }

  /**
   * Builds {@link ResourceSettings}. Unset, a setting asks for nothing: no registry, tag {@code
   * latest}, one replica, no requests or limits, the image's user and port, podman ports from 9001,
   * a quarter CPU and 256 MiB on Marathon, nothing an operator sets, no autoscaler, no
   * ServiceMonitor, one process per service, no state store, plain HTTP. (The goals' own defaults
   * are their parameters'.)
   */
  public static final class Builder {
    private String registry = "";
    private String tag = "latest";
    private Map<String, BuiltImage> images = Map.of();
    private String version = "";
    private int replicas = 1;
    private Map<String, String> requests = Map.of();
    private Map<String, String> limits = Map.of();
    private ContainerUser user = ContainerUser.parse(ImageSettings.DEFAULT_USER);
    private int containerPort = ImageSettings.DEFAULT_PORT;
    private int podmanBasePort = 9001;
    private double marathonCpus = 0.25;
    private int marathonMem = 256;
    private String marathonPeerUrl = DEFAULT_MARATHON_PEER_URL;
    private PodSettings pods = PodSettings.NONE;
    private Autoscaling autoscaling = Autoscaling.OFF;
    private boolean serviceMonitor;
    private Placement placement;
    private StateStoreSecret stateStore;
    private TlsSettings tls = TlsSettings.OFF;

    private Builder() {}

    public Builder registry(String registry) {
      this.registry = registry;
      return this;
    }

    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    public Builder images(Map<String, BuiltImage> images) {
      this.images = images;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    public Builder requests(Map<String, String> requests) {
      this.requests = requests;
      return this;
    }

    public Builder limits(Map<String, String> limits) {
      this.limits = limits;
      return this;
    }

    public Builder user(ContainerUser user) {
      this.user = user;
      return this;
    }

    public Builder containerPort(int containerPort) {
      this.containerPort = containerPort;
      return this;
    }

    public Builder podmanBasePort(int podmanBasePort) {
      this.podmanBasePort = podmanBasePort;
      return this;
    }

    public Builder marathonCpus(double marathonCpus) {
      this.marathonCpus = marathonCpus;
      return this;
    }

    public Builder marathonMem(int marathonMem) {
      this.marathonMem = marathonMem;
      return this;
    }

    public Builder marathonPeerUrl(String marathonPeerUrl) {
      this.marathonPeerUrl = marathonPeerUrl;
      return this;
    }

    public Builder pods(PodSettings pods) {
      this.pods = pods;
      return this;
    }

    public Builder autoscaling(Autoscaling autoscaling) {
      this.autoscaling = autoscaling;
      return this;
    }

    public Builder serviceMonitor(boolean serviceMonitor) {
      this.serviceMonitor = serviceMonitor;
      return this;
    }

    /** Which services share a process; null for one process per service. */
    public Builder placement(Placement placement) {
      this.placement = placement;
      return this;
    }

    /** The Secret with the state store's address; null for none. */
    public Builder stateStore(StateStoreSecret stateStore) {
      this.stateStore = stateStore;
      return this;
    }

    /** Whether the services speak mutual TLS, and who issues their certificates. */
    public Builder tls(TlsSettings tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The settings; a port or replica count out of range is an {@link IllegalArgumentException}.
     */
    public ResourceSettings build() {
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
          stateStore,
          tls);
    }
  }
}
