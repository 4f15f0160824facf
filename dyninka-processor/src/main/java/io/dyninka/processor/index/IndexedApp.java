package io.dyninka.processor.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One app as an earlier compilation wrote it.
 *
 * @param app the app name
 * @param dataflowClass the canonical name of the class that declares the {@code @Dataflow} method
 * @param dataflowMethod the name of that method
 * @param services every service, in data order: upstream first, the sink last
 */
public record IndexedApp(
    String app, String dataflowClass, String dataflowMethod, List<IndexedService> services) {

  public IndexedApp {
    services = List.copyOf(services);
  }

  /**
   * Whether a service of this app, or its {@code @Dataflow} method, lives in one of {@code
   * classes}.
   */
  public boolean uses(Set<String> classes) {
    return classes.contains(dataflowClass)
        || services.stream().anyMatch(service -> classes.contains(service.declaringClass()));
  }

  /** {@code app <name> <dataflow class> <dataflow method>}, then one line per service. */
  List<String> toLines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.join("\t", "app", app, dataflowClass, dataflowMethod));
    services.forEach(service -> lines.add(service.toLine()));
    return lines;
  }
}
