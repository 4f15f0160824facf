package org.example.building;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code Server-Timing} header every Dyninka service answers with: one {@code
 * name;dur=ms} entry per service the request traversed, holding that service's own process time.
 */
record ServerTimingHeader(List<Entry> entries) {

  /** One traversed service. */
  record Entry(String service, double durationMillis) {}

  ServerTimingHeader {
    entries = List.copyOf(entries);
  }

  /** Parses a header value; a missing header, and entries without a {@code dur}, count as none. */
  static ServerTimingHeader parse(String header) {
    List<Entry> entries = new ArrayList<>();
    if (header == null) {
      return new ServerTimingHeader(entries);
    }
    for (String metric : header.split(",")) {
      String[] parts = metric.trim().split(";");
      if (parts[0].isEmpty()) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.startsWith("dur=")) {
          try {
            entries.add(new Entry(parts[0], Double.parseDouble(param.substring(4))));
          } catch (NumberFormatException e) {
            // A malformed entry is not a service's time; leave it out rather than fail the demo.
          }
        }
      }
    }
    return new ServerTimingHeader(entries);
  }

  /** How many services the request traversed: the hops of its call chain. */
  int hops() {
    return entries.size();
  }

  /** The time the services spent in their own processing, in milliseconds. */
  double processMillis() {
    return entries.stream().mapToDouble(Entry::durationMillis).sum();
  }
}
