package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
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
      ServiceManifest.Builder service =
          ServiceManifest.builder(names.get(i))
              .kubeName(names.get(i))
              .mainClass(mainClasses.get(i).getName());
      if (i > 0) {
        service.input(names.get(i - 1), "java.lang.String");
      }
      services.add(service.build());
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
