package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.PeerAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Marathon variant: one app group {@code /<app>} with an app per process. Each service
 * publishes its port as a named VIP ({@code /<app>-<kubeName>:80}), which is how its downstream
 * finds it through {@code DYNINKA_PEERS}; Marathon starts upstreams first ({@code dependencies}),
 * health checks {@code /health/live} and gates on {@code /health/ready}.
 *
 * <p>With {@code dyninka.colocate}, a group is one app running the first member's image with {@code
 * DYNINKA_GROUP} and {@code DYNINKA_PORTS}: member {@code i} listens on the container port plus
 * {@code i}, published under the member's own VIP, so {@code DYNINKA_PEERS} is the same string as
 * split. It gets the CPUs of all its members, and one member's memory (as on Kubernetes, {@link
 * GroupCompute}).
 *
 * <p>The operator's {@code env} goes into each app's {@code env}. {@code envFrom} is refused: a
 * Marathon secret (DC/OS Enterprise) binds one variable to one secret, so there is no way to turn
 * every key of a Secret or ConfigMap into variables.
 */
public final class MarathonResources {

  private MarathonResources() {}

  public static String groupId(AppManifest app) {
    return "/" + app.app();
  }

  public static String appId(AppManifest app, PlacedProcess process) {
    return groupId(app) + "/" + process.kubeName();
  }

  public static String peers(AppManifest app, ResourceSettings settings) {
    Map<String, List<String>> replicas = new LinkedHashMap<>();
    for (ServiceManifest s : app.services()) {
      String url =
          settings
              .marathonPeerUrl()
              .replace("{app}", app.app())
              .replace("{kubeName}", s.kubeName());
      replicas.put(s.name(), List.of(url));
    }
    return PeerAddresses.encode(replicas);
  }

  /**
   * The app group.
   *
   * @throws IllegalArgumentException when {@code envFrom} is set, which Marathon cannot express
   */
  public static JsonObject group(AppManifest app, ResourceSettings settings) {
    refuseEnvFrom(app, settings.pods());
    List<PlacedProcess> processes = PlacedProcess.of(app, settings);
    Map<String, PlacedProcess> processOf = new LinkedHashMap<>();
    processes.forEach(p -> p.members().forEach(m -> processOf.put(m.name(), p)));
    JsonArray apps = new JsonArray();
    String peers = peers(app, settings);
    for (PlacedProcess process : processes) {
      apps.add(app(app, process, settings, peers, processOf));
    }
    return new JsonObject().put("id", groupId(app)).put("apps", apps);
  }

  private static JsonObject app(
      AppManifest app,
      PlacedProcess process,
      ResourceSettings settings,
      String peers,
      Map<String, PlacedProcess> processOf) {
    ServiceManifest first = process.first();
    JsonObject labels = new JsonObject();
    Labels.ofApp(app).forEach(labels::put);
    labels.put(Labels.NAME, process.kubeName());
    labels.put(Labels.SERVICE, process.grouped() ? process.group().name() : first.name());
    settings.image(first).ifPresent(i -> labels.put(Labels.IMAGE_DIGEST, i.digest()));
    Set<String> upstreamApps = new LinkedHashSet<>();
    process.upstreamsOutside().forEach(u -> upstreamApps.add(appId(app, processOf.get(u))));
    JsonArray dependencies = new JsonArray();
    upstreamApps.forEach(dependencies::add);

    JsonArray portMappings = new JsonArray();
    Map<String, Integer> portOf = new LinkedHashMap<>();
    for (int i = 0; i < process.members().size(); i++) {
      ServiceManifest member = process.members().get(i);
      int port = settings.containerPort() + i;
      portOf.put(member.name(), port);
      portMappings.add(
          new JsonObject()
              .put("name", portName(process, i))
              .put("containerPort", port)
              .put("hostPort", 0)
              .put("protocol", "tcp")
              .put(
                  "labels",
                  new JsonObject()
                      .put("VIP_0", "/" + app.app() + "-" + member.kubeName() + ":80")));
    }
    int probed = process.members().indexOf(process.lastStarted(app));

    JsonObject env = new JsonObject();
    if (process.grouped()) {
      env.put(ColocationStep.GROUP_ENV, process.group().name());
      env.put(ColocationStep.PORTS_ENV, process.portsVariable(portOf));
    } else {
      env.put("PORT", Integer.toString(settings.containerPort()));
    }
    env.put(PeerAddresses.ENV, peers);
    GroupEnvironment.merge(
            process.group().name(),
            process.members().stream().map(ServiceManifest::name).toList(),
            process.members().stream().map(m -> settings.pods().envOf(m.name())).toList())
        .forEach(env::put);

    return new JsonObject()
        .put("id", appId(app, process))
        .put("instances", process.stateful() ? 1 : settings.replicasOf(first))
        .put("cpus", settings.marathonCpus() * process.members().size())
        .put("mem", settings.marathonMem())
        .put(
            "container",
            new JsonObject()
                .put("type", "DOCKER")
                .put(
                    "docker",
                    new JsonObject()
                        .put("image", settings.imageFor(app, first))
                        .put("forcePullImage", false))
                .put("portMappings", portMappings))
        .put("networks", new JsonArray().add(new JsonObject().put("mode", "container/bridge")))
        .put("env", env)
        .put("labels", labels)
        .put("dependencies", dependencies)
        .put(
            "healthChecks",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("protocol", "MESOS_HTTP")
                        .put("path", "/health/live")
                        .put("portIndex", probed)
                        .put("gracePeriodSeconds", 60)
                        .put("intervalSeconds", 10)
                        .put("timeoutSeconds", 5)
                        .put("maxConsecutiveFailures", 3)))
        .put(
            "readinessChecks",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("name", "ready")
                        .put("protocol", "HTTP")
                        .put("path", "/health/ready")
                        .put("portName", portName(process, probed))
                        .put("intervalSeconds", 5)
                        .put("timeoutSeconds", 3)
                        .put("httpStatusCodesForReady", new JsonArray().add(200))))
        // Placed state lives in one JVM: never run an old and a new instance side by side.
        .put(
            "upgradeStrategy",
            process.stateful()
                ? new JsonObject().put("minimumHealthCapacity", 0).put("maximumOverCapacity", 0)
                : new JsonObject().put("minimumHealthCapacity", 1).put("maximumOverCapacity", 1));
  }

  /** {@code http} for a lone service, as before groups; {@code http-<i>} for member {@code i}. */
  private static String portName(PlacedProcess process, int member) {
    return process.grouped() ? "http-" + member : "http";
  }

  private static void refuseEnvFrom(AppManifest app, PodSettings pods) {
    Set<String> sources = new LinkedHashSet<>();
    for (ServiceManifest s : app.services()) {
      pods.envFromOf(s.name())
          .forEach(
              source ->
                  sources.add(
                      source.kind().name().toLowerCase(java.util.Locale.ROOT)
                          + ":"
                          + source.name()));
    }
    if (!sources.isEmpty()) {
      throw new IllegalArgumentException(
          "dyninka.envFrom / <serviceEnvFrom> ("
              + String.join(", ", sources)
              + ") cannot be given to Marathon: a Marathon secret (DC/OS Enterprise) binds one"
              + " variable to one secret, so the keys of a Secret or ConfigMap cannot all become"
              + " variables. Set the variables with <env>/<serviceEnv> (dyninka.env), or deploy"
              + " to Kubernetes or podman.");
    }
  }
}
