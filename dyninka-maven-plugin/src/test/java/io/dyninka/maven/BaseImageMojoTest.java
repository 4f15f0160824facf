package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageMojoTest {

  @TempDir Path dir;

  /**
   * Jib keeps its layer caches in the system temp folder unless told otherwise, where they pile up
   * across builds and are shared by every user of the machine: dyninka:base-image keeps them under
   * the project's target/, which mvn clean removes.
   */
  @Test
  @DisplayName(
      "base-image keeps Jib's cache under the project's target/ and leaves java.io.tmpdir alone")
  void cacheUnderTarget() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path tar = project.resolve("target/dyninka/jre.tar");
    Path log = dir.resolve("base-image.log");
    Process goal =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                BaseImageInItsOwnJvm.class.getName(),
                tar.toString())
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!goal.waitFor(10, TimeUnit.MINUTES)) {
      goal.destroyForcibly();
    }
    assertThat(goal.exitValue()).as(Files.readString(log)).isZero();

    assertThat(tar).isRegularFile();
    assertThat(filesUnder(tmp)).isEmpty();
    Path cache = project.resolve("target/dyninka/dyninka-jre-work/jib-cache");
    assertThat(filesUnder(cache)).isNotEmpty();
  }

  private static List<Path> filesUnder(Path directory) throws Exception {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(path -> !path.equals(directory)).toList();
    }
  }
}
