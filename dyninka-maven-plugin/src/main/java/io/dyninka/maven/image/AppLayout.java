package io.dyninka.maven.image;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of a built project that go into every service image.
 *
 * @param classesDirectory the class output: classes and resources (with the app manifest)
 * @param dependencies release dependency jars: they change least, so they are the lowest layer
 * @param snapshotDependencies snapshot jars, in a layer of their own above the releases
 */
public record AppLayout(
    Path classesDirectory, List<Path> dependencies, List<Path> snapshotDependencies) {
  public AppLayout {
    dependencies = List.copyOf(dependencies);
    snapshotDependencies = List.copyOf(snapshotDependencies);
  }
}
