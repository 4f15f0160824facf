package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the other services of the app listen.
 *
 * <p>{@code DYNINKA_PEERS=get=http://127.0.0.1:9001,map=http://127.0.0.1:9002} names them; a peer
 * with replicas lists them with {@code |} ({@code
 * get=http://127.0.0.1:9001|http://127.0.0.1:9011}), and pulls take them in turn. A peer not named
 * there is {@code http://<kubeName>}, its cluster DNS name. Only services of the app are peers, so
 * nothing a request says can make a service call any other host.
 */
public final class Peers {

  public static final String ENV = "DYNINKA_PEERS";

  private final Map<String, List<URI>> byService;

  private Peers(Map<String, List<URI>> byService) {
    this.byService = Map.copyOf(byService);
  }

  /**
   * Resolves every service of the app from {@code spec} (the value of {@link #ENV}, may be null).
   *
   * @throws IllegalArgumentException when the spec is malformed or names a service the app lacks
   */
  public static Peers resolve(AppManifest manifest, String spec) {
    Map<String, List<URI>> given = parse(spec);
    for (String name : given.keySet()) {
      if (manifest.service(name).isEmpty()) {
        throw new IllegalArgumentException(
            ENV + " names '" + name + "', which is not a service of app " + manifest.app());
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

  private static Map<String, List<URI>> parse(String spec) {
    Map<String, List<URI>> peers = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return peers;
    }
    for (String entry : spec.split(",")) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(ENV + " entry '" + entry + "' is not NAME=URL");
      }
      List<URI> replicas = new ArrayList<>();
      for (String url : entry.substring(eq + 1).split("\\|")) {
        URI uri = URI.create(url.trim());
        if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
          throw new IllegalArgumentException(
              ENV + " entry '" + entry + "' needs http://host:port URLs");
        }
        replicas.add(uri);
      }
      peers.put(entry.substring(0, eq).trim(), List.copyOf(replicas));
    }
    return peers;
  }

  /** The addresses of the replicas of a service of this app. */
  public List<URI> of(String service) {
    List<URI> replicas = byService.get(service);
    if (replicas == null) {
      throw new IllegalArgumentException("no peer named " + service);
    }
    return replicas;
  }
}
