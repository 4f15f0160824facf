package io.dyninka.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An RFC 9457 problem, as every service answers an error: {@code
 * {type,title,status,detail,service,path}}, where {@code service} is where it arose and {@code
 * path} the services it travelled through on its way to the client. Every {@code type} a service
 * answers is one of {@link ProblemType}, or {@code http-<status>} for a status without one.
 */
public record Problem(
    String type, String title, int status, String detail, String service, List<String> path) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    path = List.copyOf(path);
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
