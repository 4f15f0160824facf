package io.dyninka.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * The settings of one service host, from the environment (or system properties, which win):
 *
 * <ul>
 *   <li>{@code PORT} / {@code dyninka.port}: the listen port, default 8080 (0 picks a free one);
 *   <li>{@code DYNINKA_HOST} / {@code dyninka.host}: the listen address, default {@code 0.0.0.0};
 *   <li>{@code DYNINKA_PEERS} / {@code dyninka.peers}: where the other services listen;
 *   <li>{@code DYNINKA_TIMEOUT_MS} / {@code dyninka.timeout.ms}: how long a pull from an upstream
 *       may take before the service answers 504, default 10000;
 *   <li>{@code DYNINKA_MAX_BODY_BYTES} / {@code dyninka.max.body.bytes}: the largest request body,
 *       default 1 MiB (larger: 413);
 *   <li>{@code DYNINKA_INSTANCES} / {@code dyninka.instances}: event-loop instances of a stateless
 *       service, default one per event loop.
 * </ul>
 */
public record HostConfig(
    int port, String host, String peers, Duration upstreamTimeout, long maxBodyBytes, int instances) {

  public static final int DEFAULT_PORT = 8080;

  /** The defaults, for tests and embedding: a free port on loopback, no peers given. */
  public static HostConfig defaults() {
    return new HostConfig(0, "127.0.0.1", null, Duration.ofSeconds(10), 1 << 20, 0);
  }

  public static HostConfig fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  static HostConfig from(Map<String, String> env, Map<Object, Object> props) {
    Settings s = new Settings(env, props);
    return new HostConfig(
        (int) s.number("PORT", "dyninka.port", DEFAULT_PORT),
        s.text("DYNINKA_HOST", "dyninka.host", "0.0.0.0"),
        s.text(Peers.ENV, "dyninka.peers", null),
        Duration.ofMillis(s.number("DYNINKA_TIMEOUT_MS", "dyninka.timeout.ms", 10_000)),
        s.number("DYNINKA_MAX_BODY_BYTES", "dyninka.max.body.bytes", 1 << 20),
        (int) s.number("DYNINKA_INSTANCES", "dyninka.instances", 0));
  }

  public HostConfig withPort(int newPort) {
    return new HostConfig(newPort, host, peers, upstreamTimeout, maxBodyBytes, instances);
  }

  public HostConfig withPeers(String newPeers) {
    return new HostConfig(port, host, newPeers, upstreamTimeout, maxBodyBytes, instances);
  }

  public HostConfig withUpstreamTimeout(Duration timeout) {
    return new HostConfig(port, host, peers, timeout, maxBodyBytes, instances);
  }

  private record Settings(Map<String, String> env, Map<Object, Object> props) {

    String text(String envName, String property, String fallback) {
      Object prop = props.get(property);
      if (prop != null) {
        return prop.toString();
      }
      String value = env.get(envName);
      return value == null || value.isBlank() ? fallback : value;
    }

    long number(String envName, String property, long fallback) {
      String value = text(envName, property, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(envName + " (or -D" + property + ") must be a number, not '" + value + "'");
      }
    }
  }
}
