package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Kept only for {@code GraphMojoTest}, whose owner moves it to {@link Manifests}; then this class
 * goes.
 */
final class MojoManifests {

  private MojoManifests() {}

  static AppManifest chain(String app, List<String> names, List<Class<?>> mainClasses) {
    return Manifests.chain(app, names, mainClasses);
  }

  static Path write(Path classes, AppManifest manifest) throws IOException {
    return Manifests.write(classes, manifest);
  }
}
