package io.dyninka.maven.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one environment of a process that hosts several members: each member's variables, which must
 * agree where two members set the same one. {@code PORT} is left out: each member gets its port
 * from {@code DYNINKA_PORTS}.
 */
final class GroupEnvironment {

  private GroupEnvironment() {}

  /**
   * The variables of {@code members} (each member's, by name, in order), merged.
   *
   * @param values each member's variables, in the order of {@code members}
   * @throws IllegalArgumentException naming the two members and the variable they disagree on
   */
  static <V> Map<String, V> merge(String group, List<String> members, List<Map<String, V>> values) {
    Map<String, V> merged = new LinkedHashMap<>();
    Map<String, String> setBy = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      for (Map.Entry<String, V> variable : values.get(i).entrySet()) {
        String name = variable.getKey();
        if (name.equals("PORT")) {
          continue;
        }
        V earlier = merged.putIfAbsent(name, variable.getValue());
        if (earlier != null && !earlier.equals(variable.getValue())) {
          throw new IllegalArgumentException(
              "services '"
                  + setBy.get(name)
                  + "' and '"
                  + members.get(i)
                  + "' of group '"
                  + group
                  + "' (dyninka.colocate) set "
                  + name
                  + " differently, and one process has one environment: give them the same value"
                  + " or place them apart");
        }
        setBy.putIfAbsent(name, members.get(i));
      }
    }
    return merged;
  }
}
