package io.dyninka.maven.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an operator sets on the pods of an app beyond its images and sizes: their environment, who
 * may call the sink, how images are pulled, and how a pod leaves its Service before it stops.
 *
 * @param env environment variables of every service
 * @param serviceEnv environment variables of one service, by service name; they win over {@code
 *     env}
 * @param envFrom Secrets and ConfigMaps whose keys become variables of every service
 * @param serviceEnvFrom those of one service, by service name, after the app's
 * @param sinkAllowNamespaces namespaces, by name, whose pods may call the sink, beside its own
 * @param sinkAllowPodLabels labels of pods, in any namespace given, that may call the sink
 * @param imagePullSecrets Secrets the kubelet pulls the images with
 * @param imagePullPolicy {@code Always}, {@code IfNotPresent} or {@code Never}
 * @param preStop how a stopping pod gives its Service time to drop it
 */
public record PodSettings(
    Map<String, String> env,
    Map<String, Map<String, String>> serviceEnv,
    List<EnvSource> envFrom,
    Map<String, List<EnvSource>> serviceEnvFrom,
    List<String> sinkAllowNamespaces,
    Map<String, String> sinkAllowPodLabels,
    List<String> imagePullSecrets,
    String imagePullPolicy,
    PreStop preStop) {

  public static final String ENV_FROM = "dyninka.envFrom";
  public static final String SINK_ALLOW_NAMESPACES = "dyninka.sink.allowNamespaces";
  public static final String SINK_ALLOW_POD_LABELS = "dyninka.sink.allowPodLabels";
  public static final String IMAGE_PULL_POLICY = "dyninka.imagePullPolicy";
  public static final String PRE_STOP = "dyninka.preStop";

  private static final List<String> RESERVED_ENV =
      List.of("PORT", "DYNINKA_PEERS", "DYNINKA_STATE_STORE", "DYNINKA_STATE_STORE_PASSWORD");
  private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

  /** Nothing set: the generated pods as they were before any of these settings. */
  public static final PodSettings NONE =
      new PodSettings(
          Map.of(),
          Map.of(),
          List.of(),
          Map.of(),
          List.of(),
          Map.of(),
          List.of(),
          "IfNotPresent",
          PreStop.SLEEP);

  public PodSettings {
    env = Map.copyOf(env);
    serviceEnv = Map.copyOf(serviceEnv);
    envFrom = List.copyOf(envFrom);
    serviceEnvFrom = Map.copyOf(serviceEnvFrom);
    sinkAllowNamespaces = List.copyOf(sinkAllowNamespaces);
    sinkAllowPodLabels = Map.copyOf(sinkAllowPodLabels);
    imagePullSecrets = List.copyOf(imagePullSecrets);
    for (String reserved : RESERVED_ENV) {
      if (env.containsKey(reserved)
          || serviceEnv.values().stream().anyMatch(e -> e.containsKey(reserved))) {
        throw new IllegalArgumentException(
            "<env>/<serviceEnv> set "
                + reserved
                + ", which Dyninka sets itself (PORT from dyninka.image.port, DYNINKA_PEERS from"
                + " the app's services, DYNINKA_STATE_STORE and its password from the Secret "
                + StateStoreSecret.SECRET
                + " names, so that the YAML never holds them): remove it");
      }
    }
    if (!PULL_POLICIES.contains(imagePullPolicy)) {
      throw new IllegalArgumentException(
          IMAGE_PULL_POLICY
              + " must be Always, IfNotPresent or Never, not '"
              + imagePullPolicy
              + "'");
    }
  }

  /** A Secret or ConfigMap whose keys become environment variables. */
  public record EnvSource(Kind kind, String name) {
    public enum Kind {
      SECRET,
      CONFIGMAP
    }
  }

  /** How a stopping pod waits for its Service to drop it before SIGTERM reaches the service. */
  public enum PreStop {
    /** Kubernetes' own sleep action (Kubernetes 1.30 or later): the image has no shell. */
    SLEEP,
    /** No hook: the service itself stays up, not ready, for {@code DYNINKA_DRAIN_DELAY_MS}. */
    NONE;

    public static PreStop parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            PRE_STOP
                + " must be sleep (Kubernetes 1.30 or later) or none (older clusters), not '"
                + text
                + "'");
      }
    }
  }

  /** The variables of a service: the app's, then its own over them. */
  public Map<String, String> envOf(String service) {
    Map<String, String> all = new LinkedHashMap<>(new java.util.TreeMap<>(env));
    all.putAll(new java.util.TreeMap<>(serviceEnv.getOrDefault(service, Map.of())));
    return all;
  }

  /** The Secrets and ConfigMaps of a service: the app's, then its own. */
  public List<EnvSource> envFromOf(String service) {
    List<EnvSource> all = new ArrayList<>(envFrom);
    all.addAll(serviceEnvFrom.getOrDefault(service, List.of()));
    return all;
  }

  /**
   * {@code secret:app-secrets,configmap:app-config}, as {@code property} gives it.
   *
   * @throws IllegalArgumentException naming the property and the entry that is wrong
   */
  public static List<EnvSource> parseEnvFrom(String property, String text) {
    List<EnvSource> sources = new ArrayList<>();
    for (String entry : list(text)) {
      int colon = entry.indexOf(':');
      String kind = colon < 0 ? "" : entry.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String name = colon < 0 ? "" : entry.substring(colon + 1).strip();
      if (!(kind.equals("secret") || kind.equals("configmap")) || name.isEmpty()) {
        throw new IllegalArgumentException(
            property
                + " expects secret:<name> or configmap:<name>, separated by commas, not '"
                + entry
                + "'");
      }
      sources.add(
          new EnvSource(
              kind.equals("secret") ? EnvSource.Kind.SECRET : EnvSource.Kind.CONFIGMAP, name));
    }
    return sources;
  }

  /**
   * {@code NAME=value,NAME2=value2} (a value may hold {@code =} but not a comma), as {@code
   * property} gives it.
   */
  public static Map<String, String> parsePairs(String property, String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String entry : list(text)) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            property + " expects NAME=value pairs separated by commas, not '" + entry + "'");
      }
      pairs.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return pairs;
  }

  /** Comma-separated items, blank ones dropped. */
  public static List<String> list(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }
}
