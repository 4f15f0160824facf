package io.dyninka.maven.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the resource files of {@code dyninka:resources}: all of them or none, each replaced
 * atomically, so a failed goal never leaves a half-written file an orchestrator could apply.
 */
public final class ResourceFiles {

  private ResourceFiles() {}

  public static Path kubernetes(Path dyninkaDirectory, String app) {
    return dyninkaDirectory.resolve("kubernetes").resolve(app + ".yaml");
  }

  public static Path marathon(Path dyninkaDirectory, String app) {
    return dyninkaDirectory.resolve("marathon").resolve(app + ".json");
  }

  public static Path podman(Path dyninkaDirectory, String app) {
    return dyninkaDirectory.resolve("podman").resolve(app + ".yaml");
  }

  /** Writes one file whole or not at all. */
  public static void write(Path file, String text) throws IOException {
    writeAll(Map.of(file, text));
  }

  /**
   * A fresh sibling to stage a file in. Not {@code Files.createTempFile}, which makes it 0600
   * whatever the umask: the files are for people and tools to read, as any build output is.
   */
  private static Path stagingFile(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  /** Writes every file to a temporary sibling first, then moves them all into place. */
  public static void writeAll(Map<Path, String> files) throws IOException {
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Path target = file.getKey();
        Files.createDirectories(target.getParent());
        Path tmp = stagingFile(target);
        staged.put(target, tmp);
        Files.writeString(tmp, file.getValue(), StandardOpenOption.CREATE_NEW);
      }
      for (Map.Entry<Path, Path> s : staged.entrySet()) {
        Files.move(
            s.getValue(),
            s.getKey(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      List<Path> leftovers = new ArrayList<>(staged.values());
      for (Path tmp : leftovers) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
