package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the other services of the app listen.
 *
 * <p>{@code DYNINKA_PEERS} ({@link PeerAddresses}) names them with the URLs of their replicas,
 * which pulls take in turn. A peer not named there is {@code http://<kubeName>}, its cluster DNS
 * name. Only services of the app are peers, so nothing a request says can make a service call any
 * other host.
 */
final class Peers {

  private final Map<String, List<URI>> byService;

  private Peers(Map<String, List<URI>> byService) {
    this.byService = Map.copyOf(byService);
  }

  /**
   * Resolves every service of the app from {@code spec} (the value of {@link PeerAddresses#ENV},
   * may be null).
   *
   * @throws IllegalArgumentException when the spec is malformed or names a service the app lacks
   */
  static Peers resolve(AppManifest manifest, String spec) {
    Map<String, List<URI>> given = PeerAddresses.parse(spec);
    for (String name : given.keySet()) {
      if (manifest.service(name).isEmpty()) {
        throw new IllegalArgumentException(
            PeerAddresses.ENV
                + " names '"
                + name
                + "', which is not a service of app "
                + manifest.app());
      }
    }
    Map<String, List<URI>> all = new LinkedHashMap<>();
    for (ServiceManifest service : manifest.services()) {
      all.put(
          service.name(),
          given.getOrDefault(
              service.name(), List.of(URI.create("http://" + service.kubeName() + ":80"))));
    }
    return new Peers(all);
  }

  /** The addresses of the replicas of a service of this app. */
  List<URI> of(String service) {
    List<URI> replicas = byService.get(service);
    if (replicas == null) {
      throw new IllegalArgumentException("no peer named " + service);
    }
    return replicas;
  }
}
