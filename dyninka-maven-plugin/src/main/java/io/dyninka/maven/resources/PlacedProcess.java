package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One process of a placement ({@code dyninka.colocate}) on a target that runs processes rather than
 * Kubernetes objects (a podman pod, a Marathon app): a lone service, or a group of several that
 * runs from its first member's image, each member on its own port.
 *
 * @param kubeName the name of its pod or app: a lone service's kube name, a group's members' kube
 *     names joined by {@code --}
 * @param group the group, as {@code DYNINKA_GROUP} names it
 * @param members its services, in the group's order
 */
public record PlacedProcess(String kubeName, Placement.Group group, List<ServiceManifest> members) {

  public PlacedProcess {
    members = List.copyOf(members);
  }

  /** The processes of {@code app} as {@code settings} place it, in the placement's order. */
  public static List<PlacedProcess> of(AppManifest app, ResourceSettings settings) {
    List<PlacedProcess> processes = new ArrayList<>();
    for (Placement.Group group : settings.placementOf(app).groups()) {
      processes.add(
          new PlacedProcess(
              ColocationStep.kubeName(app, group),
              group,
              group.members().stream().map(m -> app.service(m).orElseThrow()).toList()));
    }
    return processes;
  }

  /** Whether several services share this process (it runs {@code GroupMain}'s way). */
  public boolean grouped() {
    return members.size() > 1;
  }

  /** The service whose image the process runs. */
  public ServiceManifest first() {
    return members.get(0);
  }

  /** A stateful member keeps the whole process to one instance, replaced rather than rolled. */
  public boolean stateful() {
    return members.stream().anyMatch(ServiceManifest::stateful);
  }

  /**
   * The member that starts last (members start in the app's order): once it is ready, all are, so
   * its port answers the process's probes.
   */
  public ServiceManifest lastStarted(AppManifest app) {
    return app.services().stream().filter(members::contains).reduce((a, b) -> b).orElseThrow();
  }

  /** The services outside this process that a member pulls from. */
  public Set<String> upstreamsOutside() {
    Set<String> names = new LinkedHashSet<>();
    for (ServiceManifest m : members) {
      m.inputs().stream()
          .map(InputManifest::from)
          .filter(Objects::nonNull)
          .filter(f -> !group.members().contains(f))
          .forEach(names::add);
    }
    return names;
  }

  /** {@code DYNINKA_PORTS} for the members' ports: {@code a=9001,b=9002}. */
  public String portsVariable(Map<String, Integer> portOf) {
    return String.join(
        ",", members.stream().map(m -> m.name() + "=" + portOf.get(m.name())).toList());
  }
}
