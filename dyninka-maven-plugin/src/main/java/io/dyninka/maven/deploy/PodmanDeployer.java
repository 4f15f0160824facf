package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.Labels;
import io.dyninka.maven.resources.PodmanResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.runtime.group.MemberPorts;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deploys the podman variant with {@code podman kube play}: one pod per service, or per group of
 * {@code dyninka.colocate}, on the host network. A pod whose configuration hash (a label) matches
 * what runs is left alone, so a redeploy replaces only the services whose image or settings
 * changed. Readiness is checked over HTTP on each service's loopback port. A failed deploy removes
 * the pods it had started.
 */
public final class PodmanDeployer implements Deployer {

  private final CommandRunner commands;
  private final List<String> podman;
  private final boolean tlsVerify;
  private final Path workDirectory;
  private final Duration timeout;
  private final Duration poll;
  private final Consumer<String> log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param podman the podman command and its global options, e.g. {@code [podman, --runtime, runc]}
   * @param tlsVerify false to pull from registries without verified HTTPS (a loopback registry)
   * @param workDirectory where the YAML of each pod is written before it is played
   */
  public PodmanDeployer(
      CommandRunner commands,
      List<String> podman,
      boolean tlsVerify,
      Path workDirectory,
      Duration timeout,
      Duration poll,
      Consumer<String> log) {
    this.commands = commands;
    this.podman = List.copyOf(podman);
    this.tlsVerify = tlsVerify;
    this.workDirectory = workDirectory;
    this.timeout = timeout;
    this.poll = poll;
    this.log = log;
  }

  @Override
  public DeployResult deploy(AppManifest app, ResourceSettings settings) throws DeployException {
    List<String> configMaps = PodmanResources.configMapsOf(app, settings);
    if (!configMaps.isEmpty()) {
      throw new DeployException(
          "dyninka.envFrom / <serviceEnvFrom> name the ConfigMap(s) "
              + String.join(", ", configMaps)
              + ", which 'podman kube play' reads only from a file given with --configmap: put"
              + " those values in <env>/<serviceEnv>, or in a podman secret (secret:<name>, made"
              + " with 'podman kube play secret.yaml'), or play target/dyninka/podman/"
              + app.app()
              + ".yaml yourself with --configmap");
    }
    int sinkPort = PodmanResources.ports(app, settings).get(app.sink());
    return deploy(
        app.app(), PodmanResources.generate(app, settings), "http://127.0.0.1:" + sinkPort + "/");
  }

  @Override
  public List<String> undeploy(AppManifest app) throws DeployException {
    return undeploy(app.app());
  }

  /**
   * Plays {@code pods}, the whole app: a pod of the app that is not among them (from an earlier
   * grouping, {@code dyninka.colocate}) is removed first, since its ports are the new pods' own.
   *
   * @param entry where clients call the sink
   */
  public DeployResult deploy(String app, List<Pod> pods, String entry) throws DeployException {
    Map<String, String> running = runningPods(app);
    Set<String> wantedNames = new LinkedHashSet<>();
    pods.forEach(p -> wantedNames.add(p.getMetadata().getName()));
    for (String stale : running.keySet()) {
      if (!wantedNames.contains(stale)) {
        podman("pod", "rm", "-f", stale);
        log.accept("removed    pod " + stale + " (not in this placement)");
      }
    }
    running.keySet().retainAll(wantedNames);
    List<String> played = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    try {
      for (Pod pod : pods) {
        Pod wanted = withHash(pod);
        String name = wanted.getMetadata().getName();
        String hash = wanted.getMetadata().getLabels().get(Labels.CONFIG_HASH);
        if (hash.equals(running.get(name))) {
          unchanged.add(name);
          continue;
        }
        play(wanted);
        played.add(name);
        log.accept((running.containsKey(name) ? "replaced   pod " : "started    pod ") + name);
      }
      if (!unchanged.isEmpty()) {
        log.accept("unchanged  " + String.join(", ", unchanged));
      }
      waitUntilReady(pods);
      return new DeployResult(played, unchanged, entry);
    } catch (DeployException e) {
      List<String> removed = new ArrayList<>();
      for (String name : played) {
        try {
          podman("pod", "rm", "-f", name);
          removed.add(name);
        } catch (DeployException ignored) {
          // reported below as not removed
        }
      }
      String what =
          played.isEmpty()
              ? " Nothing had been started."
              : " Started before the failure: "
                  + String.join(", ", played)
                  + "; removed: "
                  + String.join(", ", removed)
                  + ".";
      throw new DeployException(e.getMessage() + what, played, e.getCause());
    }
  }

  /** Removes every pod of the app, found by label. */
  public List<String> undeploy(String app) throws DeployException {
    List<String> names = new ArrayList<>(runningPods(app).keySet());
    for (String name : names) {
      podman("pod", "rm", "-f", name);
      log.accept("removed    pod " + name);
    }
    return names;
  }

  /** The pods of the app podman has, with their configuration hash. */
  Map<String, String> runningPods(String app) throws DeployException {
    String out =
        podman(
            "pod",
            "ps",
            "--filter",
            "label=" + Labels.PART_OF + "=" + app,
            "--filter",
            "label=" + Labels.MANAGED_BY + "=" + Labels.MANAGER,
            "--format",
            "json");
    Map<String, String> pods = new LinkedHashMap<>();
    String json = out.strip();
    if (json.isEmpty() || json.equals("null")) {
      return pods;
    }
    for (Object o : new JsonArray(json)) {
      JsonObject pod = (JsonObject) o;
      JsonObject labels = pod.getJsonObject("Labels", new JsonObject());
      pods.put(pod.getString("Name"), labels.getString(Labels.CONFIG_HASH, ""));
    }
    return pods;
  }

  private void play(Pod pod) throws DeployException {
    try {
      Files.createDirectories(workDirectory);
      Path file = workDirectory.resolve(pod.getMetadata().getName() + ".yaml");
      Files.writeString(file, KubernetesResources.toYaml(List.of(pod)));
      List<String> args = new ArrayList<>(List.of("kube", "play", "--replace"));
      if (!tlsVerify) {
        args.add("--tls-verify=false");
      }
      args.add(file.toString());
      podman(args.toArray(String[]::new));
    } catch (IOException e) {
      throw new DeployException(
          "Cannot write the pod YAML to " + workDirectory + ": " + e.getMessage(), List.of(), e);
    }
  }

  private void waitUntilReady(List<Pod> pods) throws DeployException {
    ReadinessWait wait = new ReadinessWait(log, timeout, poll);
    while (true) {
      List<String> ready = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      for (Pod pod : pods) {
        (ports(pod).stream().allMatch(this::isReady) ? ready : waiting)
            .add(pod.getMetadata().getName());
      }
      if (wait.settled(
          ready,
          waiting,
          pods.size(),
          "Not every service got ready",
          () -> "See 'podman logs " + waiting.get(0) + "-<container>' and 'podman pod ps'.")) {
        return;
      }
      wait.pause("the pods");
    }
  }

  private boolean isReady(int port) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The loopback ports a pod's services listen on: a group's members', or a lone service's. */
  static List<Integer> ports(Pod pod) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : pod.getSpec().getContainers().get(0).getEnv()) {
      env.put(e.getName(), e.getValue());
    }
    String members = env.get(MemberPorts.ENV);
    if (members != null) {
      return MemberPorts.parse(members, memberNames(members)).values().stream().toList();
    }
    return List.of(Integer.parseInt(env.getOrDefault("PORT", "8080")));
  }

  private static List<String> memberNames(String ports) {
    return Arrays.stream(ports.split(",")).map(p -> p.split("=", 2)[0].strip()).toList();
  }

  private static Pod withHash(Pod pod) {
    Pod copy = Serialization.clone(pod);
    Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
    labels.remove(Labels.CONFIG_HASH);
    copy.getMetadata().setLabels(labels);
    labels.put(Labels.CONFIG_HASH, ConfigurationHash.of(copy));
    copy.getMetadata().setLabels(labels);
    return copy;
  }

  private String podman(String... args) throws DeployException {
    List<String> command = new ArrayList<>(podman);
    command.addAll(List.of(args));
    CommandRunner.Result result;
    try {
      result = commands.run(command, Duration.ofMinutes(5));
    } catch (IOException e) {
      throw new DeployException(
          "Cannot run "
              + podman.get(0)
              + " ("
              + e.getMessage()
              + "): install podman"
              + " (scripts/containers-setup.sh) or choose another target with -Ddyninka.target.",
          List.of(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("Interrupted while running podman", List.of(), e);
    }
    if (result.exitCode() != 0) {
      String out = result.output().strip();
      String hint =
          out.contains("manifest unknown")
                  || out.contains("image not known")
                  || out.contains("initializing source")
              ? " The image is missing: build it first with 'mvn package dyninka:build -Ddyninka.image.target=podman' (or push it to the registry)."
              : out.contains("crun") || out.contains("OCI runtime")
                  ? " If the OCI runtime fails here, try -Ddyninka.podman.runtime=runc."
                  : "";
      throw new DeployException(
          "'"
              + String.join(" ", command)
              + "' failed ("
              + result.exitCode()
              + "): "
              + out
              + "."
              + hint);
    }
    return result.output();
  }
}
