package io.dyninka.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An RFC 9457 problem, as every service answers an error: {@code
 * {type,title,status,detail,service,path}}, where {@code service} is where it arose and {@code
 * path} the services it travelled through on its way to the client.
 */
public record Problem(
    String type, String title, int status, String detail, String service, List<String> path) {

  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://dyninka.io/problems/";

  public Problem {
    path = List.copyOf(path);
  }

  /**
   * A problem that arose at {@code service}, whose type is {@code slug} under Dyninka's base URI.
   */
  public static Problem of(String slug, String title, int status, String detail, String service) {
    return new Problem(TYPE_BASE + slug, title, status, detail, service, List.of(service));
  }

  public static Problem badRequest(String service, String detail) {
    return of("bad-request", "Bad request", 400, detail, service);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("type", type)
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("service", service)
        .put("path", new JsonArray(List.copyOf(path)));
  }
}
