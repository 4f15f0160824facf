package io.dyninka.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the shared steps of an app and the service that pulls each: a step whose output feeds more
 * than one input (a Flow variable used more than once) is pulled once per request by its nearest
 * common downstream, the first service that every path from it to the sink passes through.
 */
final class SharedSteps {

  private SharedSteps() {}

  /** {@code services}, in data order, each with the shared steps whose common downstream it is. */
  static List<ServiceModel> assign(List<ServiceModel> services) {
    Map<String, List<String>> consumers = new LinkedHashMap<>();
    Map<String, Integer> feeds = new LinkedHashMap<>();
    for (ServiceModel service : services) {
      consumers.put(service.name(), new ArrayList<>());
    }
    for (ServiceModel service : services) {
      for (InputModel input : service.inputs()) {
        if (input.from() != null) {
          feeds.merge(input.from(), 1, Integer::sum);
          List<String> of = consumers.get(input.from());
          if (!of.contains(service.name())) {
            of.add(service.name());
          }
        }
      }
    }
    Map<String, List<String>> shares = new LinkedHashMap<>();
    for (ServiceModel service : services) { // data order: a sharer lists its steps upstream first
      if (feeds.getOrDefault(service.name(), 0) > 1) {
        String sharer = nearestCommonDownstream(service.name(), consumers);
        shares.computeIfAbsent(sharer, name -> new ArrayList<>()).add(service.name());
      }
    }
    if (shares.isEmpty()) {
      return services;
    }
    return services.stream()
        .map(s -> shares.containsKey(s.name()) ? s.sharing(shares.get(s.name())) : s)
        .toList();
  }

  /** The first service on every path from {@code step} to the sink. */
  private static String nearestCommonDownstream(String step, Map<String, List<String>> consumers) {
    List<List<String>> paths = new ArrayList<>();
    collectPaths(step, new ArrayList<>(), consumers, paths);
    for (String candidate : paths.get(0)) {
      if (paths.stream().allMatch(path -> path.contains(candidate))) {
        return candidate;
      }
    }
    // Every path ends at the sink, so the loop has returned.
    throw new IllegalStateException("no common downstream of " + step);
  }

  private static void collectPaths(
      String from,
      List<String> path,
      Map<String, List<String>> consumers,
      List<List<String>> into) {
    List<String> next = consumers.get(from);
    if (next.isEmpty()) {
      into.add(List.copyOf(path));
      return;
    }
    for (String consumer : next) {
      path.add(consumer);
      collectPaths(consumer, path, consumers, into);
      path.remove(path.size() - 1);
    }
  }
}
