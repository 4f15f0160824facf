package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.PeerAddresses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Marathon variant: one app group {@code /<app>} with an app per service. Each app publishes
 * its port as a named VIP ({@code /<app>-<kubeName>:80}), which is how its downstream finds it
 * through {@code DYNINKA_PEERS}; Marathon starts upstreams first ({@code dependencies}), health
 * checks {@code /health/live} and gates on {@code /health/ready}.
 */
public final class MarathonResources {

  private MarathonResources() {}

  public static String groupId(AppManifest app) {
    return "/" + app.app();
  }

  public static String appId(AppManifest app, ServiceManifest service) {
    return groupId(app) + "/" + service.kubeName();
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

  public static JsonObject group(AppManifest app, ResourceSettings settings) {
    JsonArray apps = new JsonArray();
    String peers = peers(app, settings);
    for (ServiceManifest s : app.services()) {
      JsonObject labels = new JsonObject();
      Labels.ofApp(app).forEach(labels::put);
      labels.put(Labels.NAME, s.kubeName());
      labels.put(Labels.SERVICE, s.name());
      settings.image(s).ifPresent(i -> labels.put(Labels.IMAGE_DIGEST, i.digest()));
      JsonArray dependencies = new JsonArray();
      s.inputs().stream()
          .map(InputManifest::from)
          .filter(f -> f != null)
          .distinct()
          .forEach(f -> dependencies.add(appId(app, app.service(f).orElseThrow())));
      String port = Integer.toString(settings.containerPort());
      apps.add(
          new JsonObject()
              .put("id", appId(app, s))
              .put("instances", settings.replicasOf(s))
              .put("cpus", settings.marathonCpus())
              .put("mem", settings.marathonMem())
              .put(
                  "container",
                  new JsonObject()
                      .put("type", "DOCKER")
                      .put(
                          "docker",
                          new JsonObject()
                              .put("image", settings.imageFor(app, s))
                              .put("forcePullImage", false))
                      .put(
                          "portMappings",
                          new JsonArray()
                              .add(
                                  new JsonObject()
                                      .put("name", "http")
                                      .put("containerPort", settings.containerPort())
                                      .put("hostPort", 0)
                                      .put("protocol", "tcp")
                                      .put(
                                          "labels",
                                          new JsonObject()
                                              .put(
                                                  "VIP_0",
                                                  "/" + app.app() + "-" + s.kubeName() + ":80")))))
              .put(
                  "networks", new JsonArray().add(new JsonObject().put("mode", "container/bridge")))
              .put("env", new JsonObject().put("PORT", port).put(PeerAddresses.ENV, peers))
              .put("labels", labels)
              .put("dependencies", dependencies)
              .put(
                  "healthChecks",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("protocol", "MESOS_HTTP")
                              .put("path", "/health/live")
                              .put("portIndex", 0)
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
                              .put("portName", "http")
                              .put("intervalSeconds", 5)
                              .put("timeoutSeconds", 3)
                              .put("httpStatusCodesForReady", new JsonArray().add(200))))
              // Placed state lives in one JVM: never run an old and a new instance side by side.
              .put(
                  "upgradeStrategy",
                  s.stateful()
                      ? new JsonObject()
                          .put("minimumHealthCapacity", 0)
                          .put("maximumOverCapacity", 0)
                      : new JsonObject()
                          .put("minimumHealthCapacity", 1)
                          .put("maximumOverCapacity", 1)));
    }
    return new JsonObject().put("id", groupId(app)).put("apps", apps);
  }
}
