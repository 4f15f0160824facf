package io.dyninka.runtime.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The listen port of each member of a group, from {@code DYNINKA_PORTS=a=8081,b=8082}: every member
 * keeps its own port, so the rest of the app, health probes and {@code DYNINKA_PEERS} reach it as
 * if it ran alone. Port 0 picks a free one.
 */
public final class MemberPorts {

  public static final String ENV = "DYNINKA_PORTS";

  private MemberPorts() {}

  /**
   * The port of every one of {@code members}, read from {@code spec}.
   *
   * @throws IllegalArgumentException naming the entry at fault: not {@code name=port}, a name that
   *     is not a member, a port that is not a number from 0 to 65535, or a member left without one
   */
  public static Map<String, Integer> parse(String spec, List<String> members) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          ENV + " is not set: a group gives each member its port, as in " + example(members));
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String raw : spec.split(",")) {
      String entry = raw.trim();
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw bad(entry, "is not name=port", members);
      }
      String name = entry.substring(0, equals).trim();
      if (!members.contains(name)) {
        throw bad(entry, "names '" + name + "', which is not a member of " + members, members);
      }
      int port;
      try {
        port = Integer.parseInt(entry.substring(equals + 1).trim());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65_535) {
        throw bad(entry, "has no port from 0 to 65535", members);
      }
      if (ports.put(name, port) != null) {
        throw bad(entry, "gives '" + name + "' a second port", members);
      }
    }
    List<String> missing = members.stream().filter(m -> !ports.containsKey(m)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          ENV + "=" + spec + " gives no port to " + missing + "; as in " + example(members));
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    members.forEach(m -> ordered.put(m, ports.get(m)));
    return ordered;
  }

  private static IllegalArgumentException bad(String entry, String why, List<String> members) {
    return new IllegalArgumentException(
        ENV + ": '" + entry + "' " + why + "; as in " + example(members));
  }

  private static String example(List<String> members) {
    StringBuilder text = new StringBuilder(ENV).append('=');
    for (int i = 0; i < members.size(); i++) {
      text.append(i == 0 ? "" : ",").append(members.get(i)).append('=').append(8081 + i);
    }
    return text.toString();
  }
}
