package io.dyninka.maven.testing;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.manifest.ServiceManifest.Kind;
import java.util.List;

/** App manifests as the processor writes them, for tests. */
public final class Manifests {
  private Manifests() {}

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
