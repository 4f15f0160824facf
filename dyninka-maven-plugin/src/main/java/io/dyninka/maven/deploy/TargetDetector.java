package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Detects the deploy target as SPEC section 5 orders it: {@code -Ddyninka.target} wins; else
 * Kubernetes when running in a pod ({@code KUBERNETES_SERVICE_HOST}) or when a kubeconfig has a
 * context; else Marathon when {@code MARATHON_URL} is set; else podman when it is on the {@code
 * PATH}; else local processes. It reads only the environment map and files it is given, so it can
 * be tested without touching the machine.
 */
public final class TargetDetector {

  /** A detected target and why, for the log. */
  public record Detection(Target target, String reason) {}

  private final Map<String, String> env;
  private final Path defaultKubeconfig;

  /**
   * @param env the environment ({@code System.getenv()} in production)
   * @param defaultKubeconfig the kubeconfig to read when {@code KUBECONFIG} is not set ({@code
   *     ~/.kube/config} in production)
   */
  public TargetDetector(Map<String, String> env, Path defaultKubeconfig) {
    this.env = Map.copyOf(env);
    this.defaultKubeconfig = defaultKubeconfig;
  }

  public static TargetDetector forThisMachine() {
    return new TargetDetector(
        System.getenv(), Path.of(System.getProperty("user.home"), ".kube", "config"));
  }

  public Detection detect(String override) {
    if (override != null && !override.isBlank()) {
      return new Detection(Target.parse(override), "chosen with dyninka.target");
    }
    if (notBlank(env.get("KUBERNETES_SERVICE_HOST"))) {
      return new Detection(
          Target.KUBERNETES, "KUBERNETES_SERVICE_HOST is set: running inside a cluster");
    }
    for (Path kubeconfig : kubeconfigs()) {
      String context = context(kubeconfig);
      if (context != null) {
        return new Detection(
            Target.KUBERNETES, "kubeconfig " + kubeconfig + " has context '" + context + "'");
      }
    }
    if (notBlank(env.get("MARATHON_URL"))) {
      return new Detection(Target.MARATHON, "MARATHON_URL is set");
    }
    Path podman = onPath("podman");
    if (podman != null) {
      return new Detection(Target.PODMAN, "podman is on the PATH at " + podman);
    }
    return new Detection(Target.LOCAL, "no cluster, no MARATHON_URL, no podman");
  }

  /**
   * Why a Kubernetes client would know its cluster: the pod's service account or a kubeconfig
   * context; empty when neither is there, where fabric8 would silently try the in-cluster URL.
   */
  public java.util.Optional<String> kubernetesSource() {
    if (notBlank(env.get("KUBERNETES_SERVICE_HOST"))) {
      return java.util.Optional.of("KUBERNETES_SERVICE_HOST");
    }
    for (Path kubeconfig : kubeconfigs()) {
      String context = context(kubeconfig);
      if (context != null) {
        return java.util.Optional.of("kubeconfig " + kubeconfig + ", context " + context);
      }
    }
    return java.util.Optional.empty();
  }

  /** The kubeconfig files: {@code KUBECONFIG}'s list, else the default. */
  public List<Path> kubeconfigs() {
    List<Path> files = new ArrayList<>();
    String list = env.get("KUBECONFIG");
    if (notBlank(list)) {
      for (String f : list.split(File.pathSeparator)) {
        if (!f.isBlank()) {
          files.add(Path.of(f));
        }
      }
    } else if (defaultKubeconfig != null) {
      files.add(defaultKubeconfig);
    }
    return files;
  }

  /** The context a kubeconfig selects, or any it has; null when it has none or cannot be read. */
  static String context(Path kubeconfig) {
    if (!Files.isRegularFile(kubeconfig)) {
      return null;
    }
    try {
      Config config = KubeConfigUtils.parseConfig(kubeconfig.toFile());
      if (config == null || config.getContexts() == null || config.getContexts().isEmpty()) {
        return null;
      }
      String current = config.getCurrentContext();
      return notBlank(current) ? current : config.getContexts().get(0).getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  Path onPath(String executable) {
    String path = env.get("PATH");
    if (!notBlank(path)) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
