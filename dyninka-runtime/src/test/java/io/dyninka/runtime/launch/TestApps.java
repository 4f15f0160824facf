package io.dyninka.runtime.launch;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.List;

/** Manifests of linear apps whose services are test main classes. */
final class TestApps {

  private TestApps() {}

  /** An app whose services {@code names} run {@code mainClasses} and form a chain, sink last. */
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
    return new AppManifest(app, "org.example.Test", services, names.get(names.size() - 1));
  }

  /** An app of fake services named {@code names}, each a {@link FakeService}. */
  static AppManifest fakes(String app, String... names) {
    List<Class<?>> mains = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      mains.add(FakeService.class);
    }
    return chain(app, List.of(names), mains);
  }
}
