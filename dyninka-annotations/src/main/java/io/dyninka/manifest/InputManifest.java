package io.dyninka.manifest;

import io.vertx.core.json.JsonObject;

/**
 * One input of a service.
 *
 * @param from the upstream service that produces it, or {@code null} when the input is the client's
 *     request body ({@code Flow.input})
 * @param type its JSON type, as a Java type name ({@code double}, {@code java.util.List<x.Y>})
 */
public record InputManifest(String from, String type) {

  public JsonObject toJson() {
    // "from": null is kept on purpose: it says "the request body" explicitly.
    return new JsonObject().put("from", from).put("type", type);
  }

  public static InputManifest fromJson(JsonObject json) {
    return new InputManifest(json.getString("from"), json.getString("type"));
  }
}
