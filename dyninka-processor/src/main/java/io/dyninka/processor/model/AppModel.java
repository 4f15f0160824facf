package io.dyninka.processor.model;

import io.dyninka.manifest.AppManifest;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One app, ready to write.
 *
 * @param name the app name, a DNS-1035 label
 * @param dataflow the {@code @Dataflow} method
 * @param source the class that declares it
 * @param sourceName its binary name, as the manifest says it
 * @param services every service, in data order: upstream first, the sink last
 */
public record AppModel(
    String name,
    ExecutableElement dataflow,
    TypeElement source,
    String sourceName,
    List<ServiceModel> services) {

  public AppModel {
    services = List.copyOf(services);
    if (services.isEmpty()) {
      throw new IllegalArgumentException("app " + name + " has no service");
    }
  }

  /** The last service: the one clients call. */
  public ServiceModel sink() {
    return services.get(services.size() - 1);
  }

  public AppManifest toManifest() {
    return new AppManifest(
        name, sourceName, services.stream().map(ServiceModel::toManifest).toList(), sink().name());
  }
}
