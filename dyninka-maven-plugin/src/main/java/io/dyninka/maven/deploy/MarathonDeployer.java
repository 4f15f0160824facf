package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.MarathonResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deploys an app group to Marathon through its REST API: {@code POST /v2/groups} when the group is
 * new, {@code PUT /v2/groups/<id>} when it exists (Marathon restarts only the apps whose definition
 * changed, and since images are pinned by digest, those are the ones whose image changed), then
 * waits until every app has its instances healthy and no deployment is running. A failed deploy is
 * undone: a new group is deleted, an existing one is put back to the version it had.
 */
public final class MarathonDeployer implements Deployer {

  private final URI marathon;
  private final HttpClient http;
  private final Duration timeout;
  private final Duration poll;
  private final Consumer<String> log;

  public MarathonDeployer(URI marathon, Duration timeout, Duration poll, Consumer<String> log) {
    this.marathon = URI.create(marathon.toString().replaceAll("/+$", "") + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.timeout = timeout;
    this.poll = poll;
    this.log = log;
  }

  @Override
  public DeployResult deploy(AppManifest app, ResourceSettings settings) throws DeployException {
    JsonObject group;
    try {
      group = MarathonResources.group(app, settings);
    } catch (IllegalArgumentException e) {
      throw new DeployException(e.getMessage(), List.of(), e);
    }
    return deploy(group);
  }

  @Override
  public List<String> undeploy(AppManifest app) throws DeployException {
    return undeploy(MarathonResources.groupId(app));
  }

  public DeployResult deploy(JsonObject group) throws DeployException {
    String id = group.getString("id");
    List<String> applied = new ArrayList<>();
    JsonObject before = getGroup(id);
    try {
      List<String> changed = changedApps(before, group);
      List<String> removed = removedApps(before, group);
      List<String> unchanged =
          apps(group).stream()
              .map(a -> a.getString("id"))
              .filter(a -> !changed.contains(a))
              .toList();
      if (before == null) {
        send("POST", "v2/groups", group);
        log.accept("created    group " + id);
      } else if (!changed.isEmpty() || !removed.isEmpty()) {
        // A group update replaces the group's apps: Marathon deletes the ones it no longer has.
        send("PUT", "v2/groups" + id, group);
        if (!changed.isEmpty()) {
          log.accept("configured " + String.join(", ", changed));
        }
        if (!removed.isEmpty()) {
          log.accept("removed    " + String.join(", ", removed) + " (not in this placement)");
        }
      }
      applied.addAll(changed);
      applied.addAll(removed);
      if (!unchanged.isEmpty()) {
        log.accept("unchanged  " + String.join(", ", unchanged));
      }
      waitUntilHealthy(id, apps(group).size());
      return new DeployResult(changed, unchanged, null);
    } catch (DeployException e) {
      throw rollBack(e, id, before, applied);
    }
  }

  /** Deletes the app group; a group that is not there is nothing to remove. */
  public List<String> undeploy(String groupId) throws DeployException {
    JsonObject live = getGroup(groupId);
    if (live == null) {
      return List.of();
    }
    request("DELETE", "v2/groups" + groupId + "?force=true", null);
    List<String> removed = apps(live).stream().map(a -> a.getString("id")).toList();
    log.accept("deleted    group " + groupId + " (" + String.join(", ", removed) + ")");
    return removed;
  }

  private DeployException rollBack(
      DeployException failure, String id, JsonObject before, List<String> applied) {
    String undo;
    try {
      if (before == null) {
        request("DELETE", "v2/groups" + id + "?force=true", null);
        undo = " The new group " + id + " was deleted.";
      } else if (!applied.isEmpty()) {
        send(
            "PUT",
            "v2/groups" + id + "?force=true",
            new JsonObject().put("version", before.getString("version")));
        undo = " Group " + id + " was put back to version " + before.getString("version") + ".";
      } else {
        undo = " Nothing had been changed.";
      }
    } catch (DeployException e) {
      undo =
          " Rolling back failed too ("
              + e.getMessage()
              + "): remove it with 'mvn dyninka:undeploy'.";
    }
    String what =
        applied.isEmpty() ? "" : " Applied before the failure: " + String.join(", ", applied) + ".";
    return new DeployException(failure.getMessage() + what + undo, applied, failure.getCause());
  }

  private void waitUntilHealthy(String id, int expectedApps) throws DeployException {
    ReadinessWait wait = new ReadinessWait(log, timeout, poll);
    while (true) {
      JsonObject live = getGroup(id);
      if (live == null) {
        throw new DeployException("Group " + id + " vanished from Marathon while deploying");
      }
      List<String> ready = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      for (JsonObject app : apps(live)) {
        int instances = app.getInteger("instances", 1);
        int healthy = app.getInteger("tasksHealthy", 0);
        boolean deploying = !app.getJsonArray("deployments", new JsonArray()).isEmpty();
        if (healthy >= instances && !deploying) {
          ready.add(app.getString("id"));
        } else {
          waiting.add(app.getString("id") + " (" + healthy + "/" + instances + ")");
        }
      }
      if (wait.settled(
          ready,
          waiting,
          expectedApps,
          "Not every app got healthy",
          () -> "See the Marathon UI's task failures for " + id + ".")) {
        return;
      }
      wait.pause("Marathon");
    }
  }

  /** The app ids that run and are not wanted any more (an earlier grouping's). */
  static List<String> removedApps(JsonObject live, JsonObject wanted) {
    if (live == null) {
      return List.of();
    }
    List<String> ids = apps(wanted).stream().map(a -> a.getString("id")).toList();
    return apps(live).stream().map(a -> a.getString("id")).filter(a -> !ids.contains(a)).toList();
  }

  /** The app ids whose definition differs from what runs (all of them for a new group). */
  static List<String> changedApps(JsonObject live, JsonObject wanted) {
    Map<String, JsonObject> running =
        live == null
            ? Map.of()
            : apps(live).stream().collect(Collectors.toMap(a -> a.getString("id"), a -> a));
    List<String> changed = new ArrayList<>();
    for (JsonObject app : apps(wanted)) {
      JsonObject now = running.get(app.getString("id"));
      if (now == null || !sameDefinition(app, now)) {
        changed.add(app.getString("id"));
      }
    }
    return changed;
  }

  /**
   * Whether every field we define has the same value in the running app (Marathon adds its own).
   */
  private static boolean sameDefinition(JsonObject wanted, JsonObject running) {
    for (String field : wanted.fieldNames()) {
      Object w = wanted.getValue(field);
      Object r = running.getValue(field);
      if (w instanceof JsonObject wo && r instanceof JsonObject ro) {
        if (!sameDefinition(wo, ro)) {
          return false;
        }
      } else if (w instanceof Number wn && r instanceof Number rn) {
        if (wn.doubleValue() != rn.doubleValue()) {
          return false;
        }
      } else if (w == null ? r != null : !w.equals(r)) {
        return false;
      }
    }
    return true;
  }

  static List<JsonObject> apps(JsonObject group) {
    List<JsonObject> apps = new ArrayList<>();
    group.getJsonArray("apps", new JsonArray()).forEach(a -> apps.add((JsonObject) a));
    return apps;
  }

  private JsonObject getGroup(String id) throws DeployException {
    HttpResponse<String> response =
        request(
            "GET",
            "v2/groups"
                + id
                + "?embed=group.apps&embed=group.apps.counts&embed=group.apps.deployments",
            null);
    if (response.statusCode() == 404) {
      return null;
    }
    return new JsonObject(response.body());
  }

  private void send(String method, String path, JsonObject body) throws DeployException {
    request(method, path, body);
  }

  private HttpResponse<String> request(String method, String path, JsonObject body)
      throws DeployException {
    URI uri = marathon.resolve(path.startsWith("/") ? path.substring(1) : path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeployException(
          "No Marathon reachable at "
              + marathon
              + " ("
              + e
              + "). Check MARATHON_URL"
              + " (or -Ddyninka.marathon.url), or deploy elsewhere with -Ddyninka.target=kubernetes|podman|local.",
          List.of(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("Interrupted while calling Marathon", List.of(), e);
    }
    int code = response.statusCode();
    if (code == 401 || code == 403) {
      throw new DeployException(
          "Marathon refused "
              + method
              + " "
              + uri.getPath()
              + " ("
              + code
              + "): check the"
              + " credentials and the permissions of your Marathon user.");
    }
    if (code >= 400 && !(code == 404 && method.equals("GET"))) {
      throw new DeployException(
          "Marathon answered "
              + code
              + " to "
              + method
              + " "
              + uri.getPath()
              + ": "
              + response.body());
    }
    return response;
  }
}
