package io.dyninka.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of {@code DYNINKA_PEERS}, read and written in one place: {@code
 * name=url1|url2,other=url}. Each entry names a service of the app and the {@code http://host:port}
 * URLs of its replicas, which a caller takes in turn. Launchers and deployers write it with {@link
 * #encode}; a service reads it with {@link #parse}.
 */
public final class PeerAddresses {

  /** The environment variable that carries the addresses. */
  public static final String ENV = "DYNINKA_PEERS";

  private PeerAddresses() {}

  /**
   * The value of {@link #ENV} for {@code replicas} (service name to its replicas' URLs, in the
   * order callers take them), in the map's order.
   *
   * @throws IllegalArgumentException for a name that the format cannot carry (empty, or with {@code
   *     , = |} or spaces), a service without replicas, or a URL that is not {@code
   *     http://host:port}
   */
  public static String encode(Map<String, List<String>> replicas) {
    StringBuilder spec = new StringBuilder();
    for (Map.Entry<String, List<String>> entry : replicas.entrySet()) {
      String name = entry.getKey();
      if (name == null || name.isEmpty() || !name.matches("[^,=|\\s]+")) {
        throw new IllegalArgumentException(
            ENV + " cannot name a service '" + name + "': a name may not hold , = | or spaces");
      }
      if (entry.getValue().isEmpty()) {
        throw new IllegalArgumentException(ENV + " needs at least one URL for '" + name + "'");
      }
      if (spec.length() > 0) {
        spec.append(',');
      }
      spec.append(name).append('=');
      for (int i = 0; i < entry.getValue().size(); i++) {
        String url = entry.getValue().get(i);
        checkUrl(name + "=" + url, url);
        spec.append(i == 0 ? "" : "|").append(url);
      }
    }
    return spec.toString();
  }

  /**
   * The replicas of every service {@code spec} names, in its order; empty for a null or blank spec.
   *
   * @throws IllegalArgumentException when an entry is not {@code NAME=URL[|URL...]} with {@code
   *     http://host:port} URLs
   */
  public static Map<String, List<URI>> parse(String spec) {
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
        replicas.add(checkUrl(entry, url.trim()));
      }
      peers.put(entry.substring(0, eq).trim(), List.copyOf(replicas));
    }
    return peers;
  }

  private static URI checkUrl(String entry, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV + " entry '" + entry + "' has a malformed URL", e);
    }
    // https:// reads as an operator means it: with DYNINKA_TLS_* set, every pull is mutual TLS.
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException(
          ENV + " entry '" + entry + "' needs http://host:port or https://host:port URLs");
    }
    return uri;
  }
}
