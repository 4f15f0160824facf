package io.dyninka.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which services of an app share a process: the deploy-time grouping {@code -Ddyninka.colocate}
 * gives, checked whole against the app before anything starts.
 *
 * <p>A spec is groups separated by commas, members by {@code +} ({@code validate+price,invoice}),
 * or {@code all} for one group; a service that no group names is a group of its own. Without a spec
 * every service is its own group: the split deployment.
 */
public final class Placement {

  /** The spec that puts every service of the app in one process. */
  public static final String ALL = "all";

  /** One process: its name ({@code a+b}, the members joined by {@code +}) and its services. */
  public record Group(String name, List<String> members) {
    public Group {
      members = List.copyOf(members);
    }
  }

  /** An edge of the app's graph: {@code downstream} pulls from {@code upstream}. */
  public record Edge(String upstream, String downstream) {}

  private final List<Group> groups;
  private final Map<String, Group> byService;
  private final List<String> notes;

  private Placement(List<Group> groups, List<String> notes) {
    this.groups = List.copyOf(groups);
    this.notes = List.copyOf(notes);
    Map<String, Group> index = new LinkedHashMap<>();
    groups.forEach(group -> group.members().forEach(member -> index.put(member, group)));
    this.byService = Map.copyOf(index);
  }

  /** Every service of {@code manifest} in its own process. */
  public static Placement split(AppManifest manifest) {
    return new Placement(
        manifest.services().stream().map(s -> new Group(s.name(), List.of(s.name()))).toList(),
        List.of());
  }

  /**
   * Parses {@code spec} against {@code manifest}; a null or blank spec is the split deployment.
   *
   * @throws PlacementException naming every problem of the spec at once
   */
  public static Placement parse(String spec, AppManifest manifest) {
    if (spec == null || spec.isBlank()) {
      return split(manifest);
    }
    List<String> services = manifest.services().stream().map(ServiceManifest::name).toList();
    if (spec.trim().equals(ALL)) {
      return new Placement(List.of(new Group(String.join("+", services), services)), List.of());
    }
    List<String> errors = new ArrayList<>();
    Map<String, Integer> placedIn = new LinkedHashMap<>();
    List<List<String>> named = new ArrayList<>();
    String[] parts = spec.split(",", -1);
    for (int g = 0; g < parts.length; g++) {
      String part = parts[g].trim();
      if (part.isEmpty()) {
        errors.add("group " + (g + 1) + " of '" + spec + "' is empty");
        continue;
      }
      Set<String> members = new LinkedHashSet<>();
      for (String raw : part.split("\\+", -1)) {
        String name = raw.trim();
        if (name.isEmpty()) {
          errors.add(
              "group '" + part + "' has an empty member (two '+' in a row, or one at an end)");
        } else if (name.equals(ALL)) {
          errors.add("'all' stands alone: it is the whole app, not a member of a group");
        } else if (!services.contains(name)) {
          errors.add(unknown(name, manifest.app(), services));
        } else if (placedIn.containsKey(name)) {
          int first = placedIn.get(name);
          errors.add(
              first == g
                  ? "service '" + name + "' is named twice in group '" + part + "'"
                  : "service '"
                      + name
                      + "' is in two groups: '"
                      + parts[first].trim()
                      + "' and '"
                      + part
                      + "'");
        } else {
          placedIn.put(name, g);
          members.add(name);
        }
      }
      named.add(List.copyOf(members));
    }
    if (!errors.isEmpty()) {
      throw new PlacementException(spec, errors);
    }
    List<Group> groups = new ArrayList<>();
    for (List<String> members : named) {
      groups.add(new Group(String.join("+", members), members));
    }
    List<String> notes = new ArrayList<>();
    for (String service : services) {
      if (!placedIn.containsKey(service)) {
        groups.add(new Group(service, List.of(service)));
        notes.add("service '" + service + "' is in no group of '" + spec + "': it runs on its own");
      }
    }
    return new Placement(groups, notes);
  }

  private static String unknown(String name, String app, List<String> services) {
    String message = "'" + name + "' is not a service of app " + app;
    Optional<String> near = closest(name, services);
    return near.map(n -> message + " (did you mean '" + n + "'?)")
        .orElse(message + "; its services are " + String.join(", ", services));
  }

  /** The groups, in the order of the spec, then the services it left alone in the app's order. */
  public List<Group> groups() {
    return groups;
  }

  /** The group {@code service} runs in. */
  public Group groupOf(String service) {
    Group group = byService.get(service);
    if (group == null) {
      throw new IllegalArgumentException("'" + service + "' is in no group of this placement");
    }
    return group;
  }

  /** Whether {@code a} and {@code b} run in the same process. */
  public boolean together(String a, String b) {
    return groupOf(a).equals(groupOf(b));
  }

  /** Whether every service runs in a process of its own. */
  public boolean isSplit() {
    return groups.stream().allMatch(g -> g.members().size() == 1);
  }

  /** What the spec left implicit, worth telling the user: the services it placed nowhere. */
  public List<String> notes() {
    return notes;
  }

  /** The edges of {@code manifest} between two groups: the hops that stay on the network. */
  public List<Edge> crossingEdges(AppManifest manifest) {
    List<Edge> edges = new ArrayList<>();
    for (ServiceManifest service : manifest.services()) {
      for (InputManifest input : service.upstreamInputs()) {
        if (!together(input.from(), service.name())) {
          edges.add(new Edge(input.from(), service.name()));
        }
      }
    }
    return edges;
  }

  /**
   * The candidate nearest to {@code name} when it is near enough to be a typo: at most one edit per
   * three characters (at least one).
   */
  static Optional<String> closest(String name, List<String> candidates) {
    int allowed = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name.toLowerCase(), candidate.toLowerCase());
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  @Override
  public String toString() {
    return String.join(",", groups.stream().map(Group::name).toList());
  }
}
