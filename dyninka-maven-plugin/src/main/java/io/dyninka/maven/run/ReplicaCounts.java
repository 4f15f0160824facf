package io.dyninka.maven.run;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dyninka.replicas} of {@code dyninka:run}: how many JVMs of a service to start. {@code
 * invoice=2,price=3} names services; a number alone ({@code 2}) gives it to every service that may
 * have several, as {@code dyninka:resources} reads it: the stateless ones, and the stateful ones
 * when their state is in a store. A service in a group ({@code dyninka.colocate}) runs once.
 *
 * @param everyService the number alone, or 1
 * @param byService the counts named per service, which win over the number
 */
public record ReplicaCounts(int everyService, Map<String, Integer> byService) {

  public static final ReplicaCounts ONE = new ReplicaCounts(1, Map.of());

  public ReplicaCounts {
    byService = Map.copyOf(byService);
  }

  /**
   * {@code 2}, or {@code invoice=2,price=3}; null or blank for one of each.
   *
   * @throws InvalidSettingException naming {@link RunSettings#REPLICAS} and the entry that is wrong
   */
  public static ReplicaCounts parse(String text) {
    if (text == null || text.isBlank()) {
      return ONE;
    }
    if (!text.contains("=")) {
      return new ReplicaCounts(count(text.strip(), text), Map.of());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InvalidSettingException(
            RunSettings.REPLICAS,
            "expects a number, or service=count pairs separated by commas, not '"
                + entry.strip()
                + "'");
      }
      counts.put(entry.substring(0, equals).strip(), count(entry.substring(equals + 1), entry));
    }
    return new ReplicaCounts(1, counts);
  }

  private static int count(String number, String entry) {
    try {
      int count = Integer.parseInt(number.strip());
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new InvalidSettingException(
        RunSettings.REPLICAS, "needs a count of at least 1, not '" + entry.strip() + "'");
  }

  /**
   * The JVMs of each service of {@code app} that runs more than once.
   *
   * @param hasStore whether the stateful services' state is in a store ({@code
   *     DYNINKA_STATE_STORE})
   * @throws InvalidSettingException for a service the app does not have, a stateful one without a
   *     store, or a member of a group
   */
  public Map<String, Integer> of(AppManifest app, Placement placement, boolean hasStore) {
    for (String named : byService.keySet()) {
      if (app.service(named).isEmpty()) {
        throw new InvalidSettingException(
            RunSettings.REPLICAS,
            "names service '"
                + named
                + "', which app "
                + app.app()
                + " does not have; its services are "
                + app.services().stream().map(ServiceManifest::name).toList());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ServiceManifest service : app.services()) {
      boolean alone = placement.groupOf(service.name()).members().size() == 1;
      boolean mayScale = !service.stateful() || hasStore;
      Integer named = byService.get(service.name());
      int count = named != null ? named : alone && mayScale ? everyService : 1;
      if (count == 1) {
        continue;
      }
      if (!mayScale) {
        throw new InvalidSettingException(
            RunSettings.REPLICAS,
            "asks for "
                + count
                + " replicas of '"
                + service.name()
                + "', which has placed state: each JVM would keep a state of its own. Put it in a"
                + " store with -D"
                + RunSettings.STATE_STORE
                + "=redis://127.0.0.1:6379, or run one");
      }
      if (!alone) {
        throw new InvalidSettingException(
            RunSettings.REPLICAS,
            "asks for "
                + count
                + " replicas of '"
                + service.name()
                + "', which runs once in the JVM of its group '"
                + placement.groupOf(service.name()).name()
                + "' ("
                + "dyninka.colocate): run it alone to give it replicas");
      }
      counts.put(service.name(), count);
    }
    return counts;
  }
}
