package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which upstream services one request pulls from: the manifest's defaults, or the call
 * stack a client gave in {@code Dyninka-Route} (nearest first).
 *
 * <p>A route is checked whole before anything is called: every name must be a service of this app,
 * none may repeat or name this service, every service it passes through must have exactly one
 * upstream input, and adjacent types must fit. So a route can change the order of the app's own
 * services, never make a service call anything else.
 */
final class RoutePlanner {

  static final String HEADER = "Dyninka-Route";

  /** Longer routes than this are refused: no app of this kind needs more hops. */
  static final int MAX_HOPS = 64;

  private static final int MAX_HEADER_CHARS = 4096;

  /** One pull: the input it fills, the service to call, and the route that service must follow. */
  record Pull(int parameter, InputManifest input, String service, String route) {}

  private final AppManifest manifest;
  private final ServiceManifest self;
  private final List<Pull> defaults;

  RoutePlanner(AppManifest manifest, ServiceManifest self) {
    this.manifest = manifest;
    this.self = self;
    List<Pull> pulls = new ArrayList<>();
    for (int i = 0; i < self.inputs().size(); i++) {
      InputManifest input = self.inputs().get(i);
      if (input.from() != null) {
        pulls.add(new Pull(i, input, input.from(), null));
      }
    }
    this.defaults = List.copyOf(pulls);
  }

  /**
   * The pulls for a request whose {@code Dyninka-Route} header is {@code header} (null or blank:
   * the manifest's defaults).
   *
   * @throws ProblemException a 400 that says what is wrong with the route
   */
  List<Pull> plan(String header) {
    if (header == null || header.isBlank()) {
      return defaults;
    }
    if (header.length() > MAX_HEADER_CHARS) {
      throw reject("the route is longer than " + MAX_HEADER_CHARS + " characters");
    }
    String[] names = header.split(",", -1);
    if (names.length > MAX_HOPS) {
      throw reject("the route has " + names.length + " hops; at most " + MAX_HOPS + " are allowed");
    }
    Set<String> seen = new HashSet<>();
    ServiceManifest downstream = self;
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim();
      names[i] = name;
      ServiceManifest next =
          manifest
              .service(name)
              .orElseThrow(
                  () ->
                      reject(
                          "'" + printable(name) + "' is not a service of app " + manifest.app()));
      if (name.equals(self.name()) || !seen.add(name)) {
        throw reject("service '" + name + "' appears twice: a route may not loop");
      }
      InputManifest input = singleUpstreamInput(downstream);
      if (!input.type().equals(next.output())) {
        throw reject(
            "service '"
                + downstream.name()
                + "' takes "
                + input.type()
                + " but '"
                + name
                + "' produces "
                + next.output());
      }
      downstream = next;
    }
    String rest =
        names.length > 1 ? String.join(",", List.of(names).subList(1, names.length)) : null;
    InputManifest input = singleUpstreamInput(self);
    return List.of(new Pull(self.inputs().indexOf(input), input, names[0], rest));
  }

  private InputManifest singleUpstreamInput(ServiceManifest service) {
    List<InputManifest> upstream = service.upstreamInputs();
    if (upstream.size() != 1 || service.readsRequestBody()) {
      throw reject(
          "a route can only pass through services with exactly one upstream input, and '"
              + service.name()
              + "' has "
              + (service.readsRequestBody()
                  ? "the request body as input"
                  : upstream.size() + " upstream inputs"));
    }
    return upstream.get(0);
  }

  private ProblemException reject(String why) {
    return new ProblemException(
        ProblemType.BAD_ROUTE.problem("Dyninka-Route refused: " + why, self.name()));
  }

  /** Keeps control characters of a hostile header out of the answer. */
  private static String printable(String text) {
    String clipped = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return clipped.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
