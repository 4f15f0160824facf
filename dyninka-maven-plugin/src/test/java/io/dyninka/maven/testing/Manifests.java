package io.dyninka.maven.testing;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.manifest.ServiceManifest.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** App manifests as the processor writes them, and class output directories holding one. */
public final class Manifests {
  private Manifests() {}

  /** A chain of services named {@code names}, each started by the matching main class. */
  public static AppManifest chain(String app, List<String> names, List<Class<?>> mainClasses) {
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
  public static Path write(Path classes, AppManifest manifest) throws IOException {
    Path file = classes.resolve(AppManifest.resourcePath(manifest.app()));
    Files.createDirectories(file.getParent());
    Files.writeString(file, manifest.encode());
    return classes;
  }

  /** The paper's smart building: get → filterTemperature → map → movingAvg. */
  public static AppManifest smartBuilding() {
    return new AppManifest(
        "smart-building",
        "org.example.building.SmartBuilding",
        List.of(
            service("get", "get", List.of(), "org.example.building.Reading", Kind.ASYNC, false),
            service(
                "filterTemperature",
                "filter-temperature",
                List.of(new InputManifest("get", "org.example.building.Reading")),
                "org.example.building.Reading",
                Kind.OPTIONAL,
                false),
            service(
                "map",
                "map",
                List.of(new InputManifest("filterTemperature", "org.example.building.Reading")),
                "double",
                Kind.VALUE,
                false),
            service(
                "movingAvg",
                "moving-avg",
                List.of(new InputManifest("map", "double")),
                "org.example.building.Average",
                Kind.VALUE,
                true)),
        "movingAvg");
  }

  /** A fan-in: a and b feed zip. */
  public static AppManifest fanIn() {
    return new AppManifest(
        "fan",
        "org.example.Fan",
        List.of(
            service("a", "a", List.of(), "int", Kind.VALUE, false),
            service("b", "b", List.of(), "int", Kind.VALUE, false),
            service(
                "zip",
                "zip",
                List.of(new InputManifest("a", "int"), new InputManifest("b", "int")),
                "int",
                Kind.VALUE,
                false)),
        "zip");
  }

  private static ServiceManifest service(
      String name,
      String kubeName,
      List<InputManifest> inputs,
      String output,
      Kind kind,
      boolean stateful) {
    String main =
        "org.example.building."
            + Character.toUpperCase(name.charAt(0))
            + name.substring(1)
            + "Service";
    ServiceManifest.Builder service =
        ServiceManifest.builder(name)
            .kubeName(kubeName)
            .mainClass(main)
            .inputs(inputs)
            .output(output)
            .kind(kind);
    if (stateful) {
      service.placed("org.example.building.SmartBuilding#average");
    }
    return service.build();
  }
}
