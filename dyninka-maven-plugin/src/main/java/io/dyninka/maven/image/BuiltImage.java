package io.dyninka.maven.image;

import io.vertx.core.json.JsonObject;

/**
 * One service image that {@code dyninka:build} made.
 *
 * @param service the service name
 * @param reference the tagged reference, e.g. {@code 127.0.0.1:5000/shop-map:1.0}
 * @param repository the reference without tag
 * @param digest the manifest digest ({@code sha256:…}): what a registry serves and an orchestrator
 *     should pin
 * @param imageId the digest of the image configuration: what podman and Docker call the image id
 * @param target where it went
 */
public record BuiltImage(
    String service,
    String reference,
    String repository,
    String digest,
    String imageId,
    ImageTarget target) {

  /** The reference pinned to the digest, e.g. {@code 127.0.0.1:5000/shop-map@sha256:…}. */
  public String pinnedReference() {
    return ImageNames.pinned(repository, digest);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("image", reference)
        .put("repository", repository)
        .put("digest", digest)
        .put("imageId", imageId)
        .put("target", target.name().toLowerCase(java.util.Locale.ROOT));
  }

  static BuiltImage fromJson(String service, JsonObject json) {
    return new BuiltImage(
        service,
        json.getString("image"),
        json.getString("repository"),
        json.getString("digest"),
        json.getString("imageId"),
        ImageTarget.parse(json.getString("target", "registry")));
  }
}
