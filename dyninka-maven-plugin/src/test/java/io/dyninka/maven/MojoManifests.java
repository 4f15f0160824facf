package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Class output directories holding a manifest, as the processor leaves them. */
final class MojoManifests {

  private MojoManifests() {}

  /** A chain of services named {@code names}, each started by the matching main class. */
  static AppManifest chain(String app, List<String> names, List<Class<?>> mainClasses) {
    List<ServiceManifest> services = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      List<InputManifest> inputs =
          i == 0 ? List.of() : List.of(new InputManifest(names.get(i - 1), "java.lang.String"));
      services.add(
          new ServiceManifest(
              names.get(i),
              names.get(i),
              mainClasses.get(i).getName(),
              inputs,
              "java.lang.String",
              ServiceManifest.Kind.VALUE,
              List.of(),
              false,
              false));
    }
    return new AppManifest(app, "org.example.App", services, names.get(names.size() - 1));
  }

  /** Writes {@code manifest} where the processor would, under {@code classes}. */
  static Path write(Path classes, AppManifest manifest) throws IOException {
    Path file = classes.resolve(AppManifest.resourcePath(manifest.app()));
    Files.createDirectories(file.getParent());
    Files.writeString(file, manifest.encode());
    return classes;
  }
}
