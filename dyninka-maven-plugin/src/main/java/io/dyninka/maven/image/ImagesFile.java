package io.dyninka.maven.image;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Writes the file whole or not at all. */
  public static void write(Path file, String app, List<BuiltImage> images) throws IOException {
    JsonObject byService = new JsonObject();
    images.forEach(i -> byService.put(i.service(), i.toJson()));
    String text = new JsonObject().put("app", app).put("images", byService).encodePrettily() + "\n";
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The images of {@code app} by service name, or empty when none were built for it. */
  public static Optional<Map<String, BuiltImage>> read(Path file, String app) throws IOException {
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
    return Optional.of(images);
  }
}
