package io.dyninka.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of one service host. Each comes from an environment variable, or from a system
 * property of the service JVM, which wins. Every limit and timeout of a service is here, with its
 * default; README.md lists them all.
 *
 * @param port {@code PORT} / {@code dyninka.port}: the listen port, default 8080 (0 picks a free
 *     one)
 * @param host {@code DYNINKA_HOST} / {@code dyninka.host}: the listen address, default 0.0.0.0
 * @param peers {@code DYNINKA_PEERS} / {@code dyninka.peers}: where the other services listen
 * @param upstreamTimeout {@code DYNINKA_TIMEOUT_MS} / {@code dyninka.timeout.ms}: the longest a
 *     request may take from this service on, pulls included, before it answers 504; default 10000.
 *     A shorter budget sent by the caller ({@code Dyninka-Deadline-Ms}) wins.
 * @param maxBodyBytes {@code DYNINKA_MAX_BODY_BYTES}: the largest request body, default 1 MiB (413)
 * @param maxHeaderBytes {@code DYNINKA_MAX_HEADER_BYTES}: the largest request head, default 8192
 *     (431)
 * @param maxJsonDepth {@code DYNINKA_MAX_JSON_DEPTH}: the deepest JSON nesting accepted, default 64
 *     (400)
 * @param maxInFlight {@code DYNINKA_MAX_IN_FLIGHT}: requests one service handles at once, queued
 *     ones included; beyond it, 503 with Retry-After. Default 1024
 * @param retries {@code DYNINKA_RETRIES}: extra attempts of a pull whose connection failed (and of
 *     any failed pull from an idempotent service), with backoff and jitter; default 2
 * @param shutdownGrace {@code DYNINKA_SHUTDOWN_GRACE_MS}: how long a stopping service lets requests
 *     in flight finish, default 10000
 * @param drainDelay {@code DYNINKA_DRAIN_DELAY_MS}: how long a stopping service stays up while not
 *     ready, before it stops accepting, so that callers see it leave; default 0
 * @param token {@code DYNINKA_TOKEN}: when set, calls between services must carry it as a bearer
 *     token (401 otherwise)
 * @param publicSink {@code DYNINKA_PUBLIC_SINK}: whether the sink takes client calls without the
 *     token, default true
 * @param instances {@code DYNINKA_INSTANCES}: event-loop instances of a stateless service, default
 *     one per event loop
 */
public record HostConfig(
    int port,
    String host,
    String peers,
    Duration upstreamTimeout,
    long maxBodyBytes,
    int maxHeaderBytes,
    int maxJsonDepth,
    int maxInFlight,
    int retries,
    Duration shutdownGrace,
    Duration drainDelay,
    String token,
    boolean publicSink,
    int instances) {

  public static final int DEFAULT_PORT = 8080;

  /** The defaults, for tests and embedding: a free port on loopback, no peers given. */
  public static HostConfig defaults() {
    return defaults(Map.of());
  }

  /**
   * The defaults for tests and embedding, with {@code settings} by their environment names ({@code
   * DYNINKA_TIMEOUT_MS} and so on), read exactly as a service reads its environment.
   */
  public static HostConfig defaults(Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "DYNINKA_HOST", "127.0.0.1"));
    env.putAll(settings);
    return from(env, Map.of());
  }

  public static HostConfig fromEnvironment() {
    return from(System.getenv(), System.getProperties());
  }

  static HostConfig from(Map<String, String> env, Map<Object, Object> props) {
    Settings s = new Settings(env, props);
    String token = s.text("DYNINKA_TOKEN", "dyninka.token", null);
    return new HostConfig(
        (int) s.number("PORT", "dyninka.port", DEFAULT_PORT),
        s.text("DYNINKA_HOST", "dyninka.host", "0.0.0.0"),
        s.text(Peers.ENV, "dyninka.peers", null),
        Duration.ofMillis(s.number("DYNINKA_TIMEOUT_MS", "dyninka.timeout.ms", 10_000)),
        s.number("DYNINKA_MAX_BODY_BYTES", "dyninka.max.body.bytes", 1 << 20),
        (int) s.number("DYNINKA_MAX_HEADER_BYTES", "dyninka.max.header.bytes", 8192),
        (int) s.number("DYNINKA_MAX_JSON_DEPTH", "dyninka.max.json.depth", 64),
        (int) s.number("DYNINKA_MAX_IN_FLIGHT", "dyninka.max.in.flight", 1024),
        (int) s.number("DYNINKA_RETRIES", "dyninka.retries", 2),
        Duration.ofMillis(
            s.number("DYNINKA_SHUTDOWN_GRACE_MS", "dyninka.shutdown.grace.ms", 10_000)),
        Duration.ofMillis(s.number("DYNINKA_DRAIN_DELAY_MS", "dyninka.drain.delay.ms", 0)),
        token,
        Boolean.parseBoolean(s.text("DYNINKA_PUBLIC_SINK", "dyninka.public.sink", "true")),
        (int) s.number("DYNINKA_INSTANCES", "dyninka.instances", 0));
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
        throw new IllegalArgumentException(
            envName + " (or -D" + property + ") must be a number, not '" + value + "'");
      }
    }
  }
}
