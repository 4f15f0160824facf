package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerUser;
import io.dyninka.maven.image.ImageSettings;
import io.dyninka.maven.image.ImagesFile;
import io.dyninka.maven.resources.Autoscaling;
import io.dyninka.maven.resources.PodSettings;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.resources.StateStoreSecret;
import io.dyninka.maven.tls.TlsSettings;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings {@code dyninka:resources} and {@code dyninka:deploy} share: what the resources look
 * like.
 */
abstract class AbstractAppResourcesMojo extends AbstractDyninkaMojo {

  /** The registry of the image names, used when no {@code dyninka:build} recorded the images. */
  @Parameter(property = "dyninka.image.registry", defaultValue = "")
  String registry;

  /** The image tag, used when no {@code dyninka:build} recorded the images. */
  @Parameter(property = "dyninka.image.tag", defaultValue = "${project.version}")
  String tag;

  /**
   * The numeric user (optionally {@code uid:gid}) the containers run as, when no {@code
   * dyninka:build} recorded the one its images were built with.
   */
  @Parameter(property = "dyninka.image.user", defaultValue = ImageSettings.DEFAULT_USER)
  String user;

  /**
   * The port services listen on in their container, when no {@code dyninka:build} recorded the one
   * its images were built with.
   */
  @Parameter(property = "dyninka.image.port", defaultValue = "8080")
  int port;

  /**
   * Pods per service that may scale: a stateless one, or a stateful one whose state is in the store
   * ({@code dyninka.stateStore.secret}); any other stateful service runs one.
   */
  @Parameter(property = "dyninka.replicas", defaultValue = "1")
  int replicas;

  /** CPU request of each service container. */
  @Parameter(property = "dyninka.requests.cpu", defaultValue = "100m")
  String requestsCpu;

  /** Memory request of each service container. */
  @Parameter(property = "dyninka.requests.memory", defaultValue = "192Mi")
  String requestsMemory;

  /**
   * CPU limit of each service container; empty for none (throttling hurts latency more than it
   * saves).
   */
  @Parameter(property = "dyninka.limits.cpu", defaultValue = "")
  String limitsCpu;

  /** Memory limit of each service container; the JVM sizes its heap from it. */
  @Parameter(property = "dyninka.limits.memory", defaultValue = "256Mi")
  String limitsMemory;

  /** The loopback port of the first service in the podman variant; the others follow. */
  @Parameter(property = "dyninka.podman.basePort", defaultValue = "9001")
  int podmanBasePort;

  /** CPUs per Marathon app instance. */
  @Parameter(property = "dyninka.marathon.cpus", defaultValue = "0.25")
  double marathonCpus;

  /** Memory (MiB) per Marathon app instance. */
  @Parameter(property = "dyninka.marathon.mem", defaultValue = "256")
  int marathonMem;

  /** How Marathon apps reach each other: a URL template with {app} and {kubeName}. */
  @Parameter(
      property = "dyninka.marathon.peerUrl",
      defaultValue = ResourceSettings.DEFAULT_MARATHON_PEER_URL)
  String marathonPeerUrl;

  /**
   * Environment variables of every service, in the pom: {@code <env><DYNINKA_TOKEN>…
   * </DYNINKA_TOKEN></env>}.
   */
  @Parameter Map<String, String> env;

  /**
   * Environment variables of every service as {@code NAME=value,NAME2=value2}, over {@code <env>}.
   */
  @Parameter(property = "dyninka.env")
  String envVariables;

  /**
   * Environment variables of one service, by service name, as {@code NAME=value,…}: {@code
   * <serviceEnv><order>MAX_ITEMS=10</order></serviceEnv>}; over the app's.
   */
  @Parameter Map<String, String> serviceEnv;

  /**
   * Secrets and ConfigMaps whose keys become variables of every service: {@code
   * secret:app-secrets,configmap:app-config}.
   */
  @Parameter(property = PodSettings.ENV_FROM)
  String envFrom;

  /** Secrets and ConfigMaps of one service, by service name, as {@code secret:name,…}. */
  @Parameter Map<String, String> serviceEnvFrom;

  /**
   * Other namespaces whose pods may call the sink (e.g. {@code ingress-nginx}), comma separated;
   * the sink's own namespace always may.
   */
  @Parameter(property = PodSettings.SINK_ALLOW_NAMESPACES, defaultValue = "")
  String sinkAllowNamespaces;

  /**
   * Labels ({@code key=value,…}) of the pods of those namespaces that may call the sink; without
   * namespaces, such pods in any namespace may.
   */
  @Parameter(property = PodSettings.SINK_ALLOW_POD_LABELS, defaultValue = "")
  String sinkAllowPodLabels;

  /** Secrets, comma separated, that the kubelet pulls the images with. */
  @Parameter(property = "dyninka.imagePullSecrets", defaultValue = "")
  String imagePullSecrets;

  /** When the kubelet pulls an image: {@code Always}, {@code IfNotPresent} or {@code Never}. */
  @Parameter(property = PodSettings.IMAGE_PULL_POLICY, defaultValue = "IfNotPresent")
  String imagePullPolicy;

  /**
   * How a stopping pod waits for its Service to drop it: {@code sleep}, Kubernetes' own preStop
   * sleep (1.30 or later), or {@code none} for older clusters, where the service itself stays up
   * unready for {@code DYNINKA_DRAIN_DELAY_MS}.
   */
  @Parameter(property = PodSettings.PRE_STOP, defaultValue = "sleep")
  String preStop;

  /**
   * Whether each service that may scale (a stateless one, or a stateful one with {@code
   * dyninka.stateStore.secret}) gets a HorizontalPodAutoscaler on CPU.
   */
  @Parameter(property = "dyninka.hpa", defaultValue = "true")
  boolean hpa;

  /** The fewest pods of an autoscaled service; {@code 0} for {@code dyninka.replicas}. */
  @Parameter(property = "dyninka.hpa.min", defaultValue = "0")
  int hpaMin;

  /** The most pods of an autoscaled service. */
  @Parameter(property = "dyninka.hpa.max", defaultValue = "5")
  int hpaMax;

  /** The average CPU use, in percent of the CPU request, the autoscalers aim for. */
  @Parameter(property = "dyninka.hpa.cpuPercent", defaultValue = "70")
  int hpaCpuPercent;

  /**
   * Which services share a process, and so a Deployment: groups separated by commas, members by
   * {@code +} ({@code validate+price,invoice}), or {@code all}; a service no group names runs
   * alone. Empty: one Deployment per service. Kubernetes only.
   */
  @Parameter(property = Colocation.PROPERTY)
  String colocate;

  /**
   * The Kubernetes Secret whose key {@code dyninka.stateStore.secretKey} holds the state store's
   * address ({@code redis://host:port[/db]}): the stateful services read {@code
   * DYNINKA_STATE_STORE} from it, and then take {@code dyninka.replicas}, rolling updates and an
   * autoscaler like the stateless ones. Empty: each stateful service keeps its state in its one
   * pod.
   */
  @Parameter(property = StateStoreSecret.SECRET)
  String stateStoreSecret;

  /** The key of {@code dyninka.stateStore.secret} that holds the store's address. */
  @Parameter(property = StateStoreSecret.KEY, defaultValue = StateStoreSecret.DEFAULT_KEY)
  String stateStoreSecretKey;

  /** Whether a Prometheus Operator ServiceMonitor scrapes the app's services. */
  @Parameter(property = "dyninka.serviceMonitor", defaultValue = "false")
  boolean serviceMonitor;

  /**
   * Whether the services speak mutual TLS: each Deployment mounts its certificate, key and the
   * app's CA from a Secret, which {@code dyninka:deploy} makes (or cert-manager, with {@code
   * dyninka.tls.certManager}).
   */
  @Parameter(property = TlsSettings.ENABLED, defaultValue = "false")
  boolean tls;

  /**
   * With {@code dyninka.tls}: how the sink treats its clients, {@code plain}, {@code tls} or {@code
   * mtls}.
   */
  @Parameter(property = TlsSettings.SINK, defaultValue = "plain")
  String sinkTls;

  /**
   * With {@code dyninka.tls}: cert-manager issues the certificates ({@code Certificate} resources)
   * instead of {@code dyninka:deploy}.
   */
  @Parameter(property = TlsSettings.CERT_MANAGER, defaultValue = "false")
  boolean tlsCertManager;

  /** The cert-manager issuer of {@code dyninka.tls.certManager}; it must fill {@code ca.crt}. */
  @Parameter(property = TlsSettings.ISSUER)
  String tlsIssuer;

  /** The kind of that issuer: {@code Issuer} (in the app's namespace) or {@code ClusterIssuer}. */
  @Parameter(property = TlsSettings.ISSUER_KIND, defaultValue = "Issuer")
  String tlsIssuerKind;

  /** Where Dyninka writes its files. */
  @Parameter(defaultValue = "${project.build.directory}/dyninka", readonly = true)
  File dyninkaDirectory;

  /** The autoscaling settings; switched off, their numbers do not matter. */
  private Autoscaling autoscaling() {
    return hpa ? new Autoscaling(true, hpaMin, hpaMax, hpaCpuPercent) : Autoscaling.OFF;
  }

  ResourceSettings resourceSettings(AppManifest manifest) throws MojoExecutionException {
    ResourceSettings settings = readResourceSettings(manifest);
    List<String> unpullable = settings.unpullableImages(manifest);
    if (!unpullable.isEmpty()) {
      getLog()
          .warn(
              "Images without a registry, which a cluster cannot pull: "
                  + String.join(", ", unpullable)
                  + ". Push them with 'mvn package dyninka:build -Ddyninka.image.registry=…', or,"
                  + " with the images loaded onto every node, set -D"
                  + PodSettings.IMAGE_PULL_POLICY
                  + "=Never.");
    }
    return settings;
  }

  private ResourceSettings readResourceSettings(AppManifest manifest)
      throws MojoExecutionException {
    // a bad grouping stops the goal first, before the images and settings are looked at
    Placement placement =
        colocate == null || colocate.isBlank()
            ? null
            : Colocation.placement(colocate, manifest, getLog());
    ImagesFile.Recorded recorded;
    try {
      recorded =
          ImagesFile.read(ImagesFile.in(dyninkaDirectory.toPath()), manifest.app())
              .orElse(new ImagesFile.Recorded(Map.of(), null, null));
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage() + ": run dyninka:build again", e);
    }
    Map<String, BuiltImage> images = recorded.images();
    if (images.isEmpty()) {
      getLog()
          .warn(
              "No images recorded by dyninka:build in "
                  + dyninkaDirectory
                  + ": using tagged names, which"
                  + " cannot tell which services changed. Run 'mvn package dyninka:build' first to pin images by digest.");
    }
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("cpu", requestsCpu);
    requests.put("memory", requestsMemory);
    Map<String, String> limits = new LinkedHashMap<>();
    limits.put("cpu", limitsCpu);
    limits.put("memory", limitsMemory);
    requests.values().removeIf(v -> v == null || v.isBlank());
    limits.values().removeIf(v -> v == null || v.isBlank());
    try {
      // The images run as they were built: what the build recorded wins over these parameters.
      ContainerUser containerUser =
          recorded.user() != null ? recorded.user() : ContainerUser.parse(user);
      int containerPort = recorded.port() != null ? recorded.port() : port;
      return ResourceSettings.builder()
          .registry(registry == null ? "" : registry)
          .tag(tag)
          .images(images)
          .version(project.getVersion())
          .replicas(replicas)
          .requests(requests)
          .limits(limits)
          .user(containerUser)
          .containerPort(containerPort)
          .podmanBasePort(podmanBasePort)
          .marathonCpus(marathonCpus)
          .marathonMem(marathonMem)
          .marathonPeerUrl(marathonPeerUrl)
          .pods(podSettings(manifest))
          .autoscaling(autoscaling())
          .serviceMonitor(serviceMonitor)
          .placement(placement)
          .stateStore(StateStoreSecret.of(stateStoreSecret, stateStoreSecretKey))
          .tls(TlsSettings.of(tls, sinkTls, tlsCertManager, tlsIssuer, tlsIssuerKind))
          .build();
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The operator's pod settings; names of services that are not in the app are an error. */
  private PodSettings podSettings(AppManifest manifest) {
    Map<String, String> appEnv = new LinkedHashMap<>(env == null ? Map.of() : env);
    appEnv.replaceAll((name, value) -> value == null ? "" : value);
    appEnv.putAll(PodSettings.parsePairs("dyninka.env", envVariables));
    Map<String, Map<String, String>> perServiceEnv = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : orEmpty(serviceEnv).entrySet()) {
      perServiceEnv.put(
          known(manifest, "serviceEnv", e.getKey()),
          PodSettings.parsePairs("<serviceEnv><" + e.getKey() + ">", e.getValue()));
    }
    Map<String, List<PodSettings.EnvSource>> perServiceFrom = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : orEmpty(serviceEnvFrom).entrySet()) {
      perServiceFrom.put(
          known(manifest, "serviceEnvFrom", e.getKey()),
          PodSettings.parseEnvFrom("<serviceEnvFrom><" + e.getKey() + ">", e.getValue()));
    }
    return new PodSettings(
        appEnv,
        perServiceEnv,
        PodSettings.parseEnvFrom(PodSettings.ENV_FROM, envFrom),
        perServiceFrom,
        PodSettings.list(sinkAllowNamespaces),
        PodSettings.parsePairs(PodSettings.SINK_ALLOW_POD_LABELS, sinkAllowPodLabels),
        PodSettings.list(imagePullSecrets),
        imagePullPolicy == null || imagePullPolicy.isBlank() ? "IfNotPresent" : imagePullPolicy,
        PodSettings.PreStop.parse(preStop == null ? "sleep" : preStop));
  }

  private static String known(AppManifest manifest, String parameter, String service) {
    if (manifest.service(service).isEmpty()) {
      throw new IllegalArgumentException(
          "<"
              + parameter
              + "> names service '"
              + service
              + "', which app "
              + manifest.app()
              + " does not have; its services are "
              + manifest.services().stream().map(s -> s.name()).toList());
    }
    return service;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
