package io.dyninka.maven.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small Marathon on loopback that plays the part of its REST API Dyninka uses: POST /v2/groups,
 * PUT, GET and DELETE /v2/groups/<id>, versions, and task counts; apps run healthy at once unless
 * their image is one it was told is broken. It records every request.
 */
final class FakeMarathon implements AutoCloseable {

  record Request(String method, String path, String body) {}

  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, JsonObject> groups = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> versions = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private int version;

  FakeMarathon() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeMarathon breakImage(String image) {
    broken.add(image);
    return this;
  }

  boolean hasGroup(String id) {
    return groups.containsKey(id);
  }

  List<Request> writes() {
    return requests.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(method, path, body));
    String id = path.replaceFirst("^/v2/groups", "");
    switch (method) {
      case "POST" -> {
        JsonObject group = new JsonObject(body);
        if (groups.containsKey(group.getString("id"))) {
          reply(exchange, 409, new JsonObject().put("message", "Group already exists"));
        } else {
          store(group);
          reply(
              exchange,
              201,
              new JsonObject()
                  .put("version", group.getString("version"))
                  .put("deploymentId", "d" + version));
        }
      }
      case "PUT" -> {
        JsonObject change = new JsonObject(body);
        JsonObject group =
            change.containsKey("apps") ? change : versions.get(change.getString("version"));
        if (!groups.containsKey(id) || group == null) {
          reply(
              exchange, 404, new JsonObject().put("message", "Group '" + id + "' does not exist"));
        } else {
          store(group.copy().put("id", id));
          reply(
              exchange,
              200,
              new JsonObject().put("version", "v" + version).put("deploymentId", "d" + version));
        }
      }
      case "GET" -> {
        JsonObject group = groups.get(id);
        if (group == null) {
          reply(
              exchange, 404, new JsonObject().put("message", "Group '" + id + "' does not exist"));
        } else {
          reply(exchange, 200, group);
        }
      }
      case "DELETE" -> {
        reply(
            exchange,
            groups.remove(id) == null ? 404 : 200,
            new JsonObject().put("version", "v" + ++version));
      }
      default -> reply(exchange, 405, new JsonObject());
    }
  }

  private void store(JsonObject wanted) {
    JsonObject group = wanted.copy();
    String v = "v" + ++version;
    group.put("version", v);
    versions.put(v, wanted.copy().put("version", v));
    for (Object o : group.getJsonArray("apps", new JsonArray())) {
      JsonObject app = (JsonObject) o;
      String image = app.getJsonObject("container").getJsonObject("docker").getString("image");
      int instances = app.getInteger("instances", 1);
      app.put("tasksRunning", instances)
          .put("tasksHealthy", broken.contains(image) ? 0 : instances)
          .put("deployments", new JsonArray())
          .put("version", v);
    }
    groups.put(group.getString("id"), group);
  }

  private static void reply(HttpExchange exchange, int code, JsonObject body) throws IOException {
    byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
