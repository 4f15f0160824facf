package io.dyninka.maven.image;

import io.dyninka.maven.resources.ResourceFiles;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code target/dyninka/images.json}: the images the last {@code dyninka:build} made, by service.
 * {@code dyninka:resources} and {@code dyninka:deploy} read it to pin every image by digest, which
 * is what lets a redeploy roll only the services whose image changed.
 */
public final class ImagesFile {

  public static final String NAME = "images.json";

  private ImagesFile() {}

  public static Path in(Path dyninkaDirectory) {
    return dyninkaDirectory.resolve(NAME);
  }

  /**
   * What one build recorded: the images by service name, and the user and port they were built
   * with, so that the resources run them as the images expect.
   */
  public record Recorded(Map<String, BuiltImage> images, ContainerUser user, Integer port) {
    public Recorded {
      images = Map.copyOf(images);
    }
  }

  /** Writes the file whole or not at all. */
  public static void write(
      Path file, String app, List<BuiltImage> images, ContainerUser user, int port)
      throws IOException {
    JsonObject byService = new JsonObject();
    images.forEach(i -> byService.put(i.service(), i.toJson()));
    String text =
        new JsonObject()
                .put("app", app)
                .put("user", user.toString())
                .put("port", port)
                .put("images", byService)
                .encodePrettily()
            + "\n";
    ResourceFiles.write(file, text);
  }

  /** What the last build of {@code app} recorded, or empty when none was built for it. */
  public static Optional<Recorded> read(Path file, String app) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonObject json;
    try {
      json = new JsonObject(Files.readString(file));
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!app.equals(json.getString("app"))) {
      return Optional.empty();
    }
    Map<String, BuiltImage> images = new LinkedHashMap<>();
    JsonObject byService = json.getJsonObject("images", new JsonObject());
    for (String service : byService.fieldNames()) {
      images.put(service, BuiltImage.fromJson(service, byService.getJsonObject(service)));
    }
    String user = json.getString("user");
    try {
      return Optional.of(
          new Recorded(
              images, user == null ? null : ContainerUser.parse(user), json.getInteger("port")));
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
