package io.dyninka.it.network;

import io.dyninka.it.UserProject;
import io.dyninka.manifest.AppManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** The orders project that maven-invoker built under target/it: its manifest and class path. */
final class OrdersBuild {

  private final UserProject project = new UserProject("orders");

  AppManifest manifest() throws IOException {
    return project.manifest("orders");
  }

  /** Its classes, then what dependency:build-classpath wrote, as one {@code -cp} value. */
  String classpath() throws IOException {
    return String.join(
        File.pathSeparator, project.classpath().stream().map(Path::toString).toList());
  }
}
