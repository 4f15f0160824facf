package io.dyninka.maven.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceImageBuilderTest {

  static final AppManifest APP = Manifests.smartBuilding();
  @TempDir static Path project;
  static AppLayout layout;

  @BeforeAll
  static void project() throws Exception {
    Path classes = project.resolve("classes");
    Files.createDirectories(classes.resolve("org/example/building"));
    Files.createDirectories(classes.resolve("META-INF/dyninka"));
    Files.writeString(classes.resolve("META-INF/dyninka/smart-building.json"), APP.encode());
    for (String name : List.of("GetService", "MapService", "SmartBuilding")) {
      Files.write(
          classes.resolve("org/example/building/" + name + ".class"),
          new byte[] {(byte) 0xca, (byte) 0xfe, 1});
    }
    layout =
        new AppLayout(
            classes,
            List.of(jar("vertx-core-5.0.7.jar"), jar("jackson-core-2.18.2.jar")),
            List.of(jar("dyninka-runtime-0.1.0-SNAPSHOT.jar")));
  }

  static Path jar(String name) throws Exception {
    Path jar = project.resolve("libs").resolve(name);
    Files.createDirectories(jar.getParent());
    try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
      ZipEntry e = new ZipEntry(name + ".txt");
      e.setTime(0);
      out.putNextEntry(e);
      out.write(name.getBytes());
    }
    return jar;
  }

  static ImageSettings settings(Path out, String tag) throws Exception {
    return new ImageSettings(
        "127.0.0.1:5000",
        tag,
        "tar://" + TestBaseImage.tar(),
        ImageTarget.TAR,
        out,
        false,
        ContainerJvmFlags.defaults(),
        "65532",
        8080,
        Instant.EPOCH,
        Map.of("org.opencontainers.image.version", "1.0"),
        Path.of("podman"),
        project.resolve("cache"));
  }

  @Nested
  @DisplayName("building to tars")
  class ToTar {
    @TempDir Path out;

    @Test
    @DisplayName("makes one image per service named <registry>/<app>-<kubeName>:<tag>")
    void onePerService() throws Exception {
      List<BuiltImage> images =
          new ServiceImageBuilder(settings(out, "1.0"), s -> {}).buildAll(APP, layout);
      assertThat(images)
          .extracting(BuiltImage::reference)
          .containsExactly(
              "127.0.0.1:5000/smart-building-get:1.0",
              "127.0.0.1:5000/smart-building-filter-temperature:1.0",
              "127.0.0.1:5000/smart-building-map:1.0",
              "127.0.0.1:5000/smart-building-moving-avg:1.0");
      assertThat(images).allSatisfy(i -> assertThat(i.digest()).startsWith("sha256:"));
      assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
          .contains("smart-building-get.tar", "smart-building-moving-avg.tar");
    }

    @Test
    @DisplayName(
        "the entrypoint starts the service's main class with container JVM flags, as a non-root user")
    void entrypoint() throws Exception {
      new ServiceImageBuilder(settings(out, "1.0"), s -> {}).buildAll(APP, layout);
      JsonObject config = ociConfig(out.resolve("smart-building-map.tar")).getJsonObject("config");
      List<Object> entrypoint = config.getJsonArray("Entrypoint").getList();
      assertThat(entrypoint.get(0)).isEqualTo("java");
      assertThat(entrypoint)
          .containsSubsequence(
              "-XX:MaxRAMPercentage=75",
              "-cp",
              "/app/resources:/app/classes:/app/libs/*",
              "org.example.building.MapService");
      assertThat(config.getString("User")).isEqualTo("65532");
      assertThat(config.getJsonArray("Env").getList())
          .contains("PORT=8080")
          .anyMatch(e -> e.toString().startsWith("PATH=/opt/java/openjdk/bin"));
      assertThat(config.getJsonObject("ExposedPorts").fieldNames()).containsExactly("8080/tcp");
      assertThat(config.getJsonObject("Labels").getMap())
          .containsEntry("io.dyninka.app", "smart-building")
          .containsEntry("io.dyninka.service", "map")
          .containsEntry("org.opencontainers.image.title", "smart-building-map")
          .containsEntry("org.opencontainers.image.version", "1.0");
    }

    @Test
    @DisplayName(
        "all services share their layers: base, dependencies, snapshots, resources, classes")
    void sharedLayers() throws Exception {
      new ServiceImageBuilder(settings(out, "1.0"), s -> {}).buildAll(APP, layout);
      List<String> get = layerDigests(out.resolve("smart-building-get.tar"));
      List<String> avg = layerDigests(out.resolve("smart-building-moving-avg.tar"));
      assertThat(get).hasSize(5).isEqualTo(avg);
    }

    @Test
    @DisplayName("the same input gives the same digest")
    void reproducible(@TempDir Path again) throws Exception {
      BuiltImage first =
          new ServiceImageBuilder(settings(out, "1.0"), s -> {})
              .build(APP, APP.services().get(2), layout);
      BuiltImage second =
          new ServiceImageBuilder(settings(again, "1.0"), s -> {})
              .build(APP, APP.services().get(2), layout);
      assertThat(second.digest()).isEqualTo(first.digest());
    }
  }

  @Test
  @DisplayName("an unreachable registry is reported with what to do")
  void unreachableRegistry(@TempDir Path out) throws Exception {
    ImageSettings s = settings(out, "1.0");
    ImageSettings toRegistry =
        new ImageSettings(
            "127.0.0.1:1",
            s.tag(),
            s.base(),
            ImageTarget.REGISTRY,
            out,
            false,
            s.jvmFlags(),
            s.user(),
            s.port(),
            s.creationTime(),
            s.labels(),
            s.podman(),
            s.cacheDirectory());
    assertThatThrownBy(
            () ->
                new ServiceImageBuilder(toRegistry, m -> {})
                    .build(APP, APP.services().get(0), layout))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("127.0.0.1:1/smart-building-get:1.0");
  }

  @Test
  @DisplayName("a root or named user is refused, so runAsNonRoot can be verified")
  void nonRootUser() {
    assertThatThrownBy(
            () ->
                new ImageSettings(
                    "",
                    "1",
                    "b",
                    ImageTarget.TAR,
                    project,
                    false,
                    List.of(),
                    "0",
                    8080,
                    Instant.EPOCH,
                    Map.of(),
                    Path.of("podman"),
                    project))
        .hasMessageContaining("root");
    assertThatThrownBy(
            () ->
                new ImageSettings(
                    "",
                    "1",
                    "b",
                    ImageTarget.TAR,
                    project,
                    false,
                    List.of(),
                    "app",
                    8080,
                    Instant.EPOCH,
                    Map.of(),
                    Path.of("podman"),
                    project))
        .hasMessageContaining("numeric");
  }

  /** The image config of the single image in an OCI-layout tar. */
  static JsonObject ociConfig(Path tar) throws Exception {
    JsonObject manifest = ociManifest(tar);
    return new JsonObject(
        new String(TarFiles.read(tar, blob(manifest.getJsonObject("config").getString("digest")))));
  }

  static List<String> layerDigests(Path tar) throws Exception {
    List<String> digests = new ArrayList<>();
    for (Object layer : ociManifest(tar).getJsonArray("layers")) {
      digests.add(((JsonObject) layer).getString("digest"));
    }
    return digests;
  }

  private static JsonObject ociManifest(Path tar) throws Exception {
    JsonObject index = new JsonObject(new String(TarFiles.read(tar, "index.json")));
    JsonArray manifests = index.getJsonArray("manifests");
    return new JsonObject(
        new String(TarFiles.read(tar, blob(manifests.getJsonObject(0).getString("digest")))));
  }

  private static String blob(String digest) {
    return "blobs/sha256/" + digest.substring("sha256:".length());
  }
}
