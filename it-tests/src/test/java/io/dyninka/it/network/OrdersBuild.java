package io.dyninka.it.network;

import io.dyninka.manifest.AppManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The orders project that maven-invoker built under target/it: its manifest and class path. */
final class OrdersBuild {

  private final Path dir =
      Path.of(System.getProperty("it.projects", "target/it"), "orders").toAbsolutePath();

  AppManifest manifest() throws IOException {
    return AppManifest.decode(
        Files.readString(
            dir.resolve("target/classes").resolve(AppManifest.resourcePath("orders"))));
  }

  /** Its classes, then what dependency:build-classpath wrote, as one {@code -cp} value. */
  String classpath() throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(dir.resolve("target/classes").toString());
    for (String entry :
        Files.readString(dir.resolve("target/classpath.txt")).trim().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
