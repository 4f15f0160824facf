package io.dyninka.maven.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageMakerTest {

  @Test
  @DisplayName("the base image holds a jlink JRE with java on the PATH and the libraries it loads")
  void holdsJreAndLibraries() throws Exception {
    Path tar = TestBaseImage.tar();
    List<String> files = layerFiles(tar);
    assertThat(files)
        .contains(
            "opt/java/openjdk/bin/java", "opt/java/openjdk/lib/server/libjvm.so", "etc/passwd")
        .anyMatch(f -> f.endsWith("/libc.so.6"))
        .anyMatch(f -> f.endsWith("ld-linux-x86-64.so.2"))
        .anyMatch(f -> f.endsWith("/libz.so.1"));
    // Only the chosen modules: no desktop, no compiler.
    assertThat(files).noneMatch(f -> f.contains("libawt"));
    assertThat(Files.size(tar)).isLessThan(80L * 1024 * 1024);
  }

  @Test
  @DisplayName("the same JDK gives the same base image digest")
  void reproducible(@TempDir Path dir) throws Exception {
    String first = TestBaseImage.digest();
    String again =
        new BaseImageMaker(BaseImageMaker.currentJdk(), BaseImageMaker.DEFAULT_MODULES, s -> {})
            .make(
                dir.resolve("jre.tar"),
                BaseImageMaker.DEFAULT_NAME,
                null,
                false,
                dir.resolve("work"));
    assertThat(again).isEqualTo(first);
  }

  /** The paths in the image's layers, read from the docker-format tar Jib writes. */
  static List<String> layerFiles(Path tar) throws Exception {
    List<String> names = new ArrayList<>();
    JsonArray manifest = new JsonArray(new String(TarFiles.read(tar, "manifest.json")));
    for (Object layer : manifest.getJsonObject(0).getJsonArray("Layers")) {
      byte[] gz = TarFiles.read(tar, (String) layer);
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz));
          var layerTar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in)) {
        TarArchiveEntry e;
        while ((e = layerTar.getNextEntry()) != null) {
          names.add(e.getName());
        }
      }
    }
    return names;
  }

  static JsonObject config(Path tar) throws Exception {
    JsonArray manifest = new JsonArray(new String(TarFiles.read(tar, "manifest.json")));
    return new JsonObject(
        new String(TarFiles.read(tar, manifest.getJsonObject(0).getString("Config"))));
  }
}
