package io.dyninka.runtime.tls;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The services of an app that may pull from one of them: those with an input from it, and those a
 * {@code Dyninka-Route} can make pull from it (one upstream input, of its output type). Only their
 * certificates are let in; any other service of the app is refused.
 */
final class Callers {

  private Callers() {}

  static Set<String> of(AppManifest manifest, String service) {
    ServiceManifest self =
        manifest
            .service(service)
            .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    Set<String> callers = new LinkedHashSet<>();
    for (ServiceManifest other : manifest.services()) {
      if (other.name().equals(service)) {
        continue;
      }
      boolean declared = other.upstreamInputs().stream().anyMatch(i -> service.equals(i.from()));
      boolean routable =
          other.upstreamInputs().size() == 1
              && self.output().equals(other.upstreamInputs().get(0).type());
      if (declared || routable) {
        callers.add(other.name());
      }
    }
    return callers;
  }
}
