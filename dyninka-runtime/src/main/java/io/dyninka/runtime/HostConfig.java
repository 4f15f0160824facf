package io.dyninka.runtime;

import io.dyninka.runtime.tls.SinkTls;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one service host. Each comes from an environment variable, or from a system
 * property of the service JVM, which wins. Every limit and timeout of a service is here, with its
 * default; README.md lists them all.
 *
 * <p>A setting cannot be mistyped without notice: a number or a boolean that does not parse, or a
 * {@code DYNINKA_*} environment variable that is not one of {@link #VARIABLES}, stops the service
 * at start with a message that names the variable and what it accepts.
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
 *     token: {@code true} or {@code false}, in any case; default true
 * @param instances {@code DYNINKA_INSTANCES}: event-loop instances of a stateless service, default
 *     one per event loop
 * @param metrics {@code DYNINKA_METRICS}: whether the service keeps meters and answers {@code GET
 *     /metrics}: {@code true} or {@code false}, default true
 * @param otel the standard {@code OTEL_*} variables (OpenTelemetry's, not Dyninka's, so never
 *     refused): spans are exported when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is among them
 * @param headTimeout {@code DYNINKA_HEAD_TIMEOUT_MS}: the longest a connection may take to send a
 *     whole request head, from its start or from the end of the previous answer; then it is closed
 *     (slow clients, idle keep-alive connections). Default 10000
 * @param tlsCert {@code DYNINKA_TLS_CERT}: this service's certificate (PEM); with the key and the
 *     CA, the service speaks mutual TLS (docs/security.md)
 * @param tlsKey {@code DYNINKA_TLS_KEY}: the private key of that certificate (PEM, PKCS#8)
 * @param tlsCa {@code DYNINKA_TLS_CA}: the app's CA certificate (PEM), the only one trusted
 * @param sinkTls {@code DYNINKA_SINK_TLS}: the sink's policy for its clients, {@code plain}, {@code
 *     tls} or {@code mtls} (the default); null when unset
 * @param stateStore {@code DYNINKA_STATE_STORE}: where a stateful service keeps its placed state,
 *     {@code redis://host:port[/db]} or {@code rediss://…}; none by default (state in the JVM)
 * @param stateStorePassword {@code DYNINKA_STATE_STORE_PASSWORD}: the store's password, if it is
 *     not in the URL
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
    int instances,
    boolean metrics,
    Map<String, String> otel,
    Duration headTimeout,
    String tlsCert,
    String tlsKey,
    String tlsCa,
    SinkTls sinkTls,
    String stateStore,
    String stateStorePassword) {

  public static final int DEFAULT_PORT = 8080;

  /**
   * Every {@code DYNINKA_*} environment variable a service reads; any other stops its start. A new
   * setting is added here, or reading it fails.
   */
  public static final List<String> VARIABLES =
      List.of(
          "DYNINKA_HOST",
          PeerAddresses.ENV,
          "DYNINKA_TIMEOUT_MS",
          "DYNINKA_MAX_BODY_BYTES",
          "DYNINKA_MAX_HEADER_BYTES",
          "DYNINKA_MAX_JSON_DEPTH",
          "DYNINKA_MAX_IN_FLIGHT",
          "DYNINKA_RETRIES",
          "DYNINKA_SHUTDOWN_GRACE_MS",
          "DYNINKA_DRAIN_DELAY_MS",
          "DYNINKA_TOKEN",
          "DYNINKA_PUBLIC_SINK",
          "DYNINKA_INSTANCES",
          "DYNINKA_GROUP",
          "DYNINKA_PORTS",
          "DYNINKA_METRICS",
          "DYNINKA_HEAD_TIMEOUT_MS",
          "DYNINKA_TLS_CERT",
          "DYNINKA_TLS_KEY",
          "DYNINKA_TLS_CA",
          "DYNINKA_SINK_TLS",
          "DYNINKA_STATE_STORE",
          "DYNINKA_STATE_STORE_PASSWORD",
          ServiceHost.PARENT_PID_ENV);

  /**
   * {@code DYNINKA_*} variables of Dyninka's own tools (scripts/registry.sh), which a service may
   * inherit from the shell that launched it and ignores.
   */
  static final List<String> TOOL_VARIABLES =
      List.of("DYNINKA_REGISTRY_DIR", "DYNINKA_REGISTRY_ADDR");

  private static final String PREFIX = "DYNINKA_";

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

  /**
   * The settings of this JVM with {@code overrides}, by environment name, over its environment
   * (system properties still win): each member of a group reads its own {@code PORT} this way. A
   * null value unsets the variable.
   */
  public static HostConfig fromEnvironment(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(System.getenv());
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return from(env, System.getProperties());
  }

  /**
   * The settings in {@code env} (environment variables) and {@code props} (system properties).
   *
   * @throws IllegalArgumentException naming the variable, for an unknown {@code DYNINKA_*} variable
   *     or a value that does not parse
   */
  static HostConfig from(Map<String, String> env, Map<Object, Object> props) {
    rejectUnknown(env.keySet());
    Settings s = new Settings(env, props);
    // Read by ServiceHost itself; checked here with every other setting.
    s.number(ServiceHost.PARENT_PID_ENV, "dyninka.parent.pid", 0);
    String token = s.text("DYNINKA_TOKEN", "dyninka.token", null);
    String sinkTls = s.text("DYNINKA_SINK_TLS", "dyninka.sink.tls", null);
    return new HostConfig(
        (int) s.number("PORT", "dyninka.port", DEFAULT_PORT),
        s.text("DYNINKA_HOST", "dyninka.host", "0.0.0.0"),
        s.text(PeerAddresses.ENV, "dyninka.peers", null),
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
        s.flag("DYNINKA_PUBLIC_SINK", "dyninka.public.sink", true),
        (int) s.number("DYNINKA_INSTANCES", "dyninka.instances", 0),
        s.flag("DYNINKA_METRICS", "dyninka.metrics", true),
        otelVariables(env),
        Duration.ofMillis(
            positive(
                s.number("DYNINKA_HEAD_TIMEOUT_MS", "dyninka.head.timeout.ms", 10_000),
                "DYNINKA_HEAD_TIMEOUT_MS")),
        s.text("DYNINKA_TLS_CERT", "dyninka.tls.cert", null),
        s.text("DYNINKA_TLS_KEY", "dyninka.tls.key", null),
        s.text("DYNINKA_TLS_CA", "dyninka.tls.ca", null),
        sinkTls == null ? null : SinkTls.parse(sinkTls),
        s.text("DYNINKA_STATE_STORE", "dyninka.state.store", null),
        s.text("DYNINKA_STATE_STORE_PASSWORD", "dyninka.state.store.password", null));
  }

  private static Map<String, String> otelVariables(Map<String, String> env) {
    Map<String, String> otel = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("OTEL_")) {
            otel.put(name, value);
          }
        });
    return Map.copyOf(otel);
  }

  private static long positive(long value, String envName) {
    if (value <= 0) {
      throw new IllegalArgumentException(envName + " must be a positive number, not " + value);
    }
    return value;
  }

  private static void rejectUnknown(Set<String> names) {
    List<String> unknown =
        names.stream()
            .filter(name -> name.startsWith(PREFIX))
            .filter(name -> !VARIABLES.contains(name) && !TOOL_VARIABLES.contains(name))
            .sorted()
            .toList();
    if (unknown.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    for (String name : unknown) {
      message.append(message.length() == 0 ? "" : "; ").append("unknown setting ").append(name);
      String near = nearest(name);
      if (near != null) {
        message.append(" (did you mean ").append(near).append("?)");
      }
    }
    throw new IllegalArgumentException(
        message + "; a Dyninka service reads " + String.join(", ", VARIABLES));
  }

  /**
   * The known variable a mistyped {@code name} most likely meant, or null if none is close: the
   * fewest edits away, and of those the one that shares the longest beginning with it.
   */
  private static String nearest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestPrefix = -1;
    for (String known : VARIABLES) {
      int distance = editDistance(name, known);
      int prefix = commonPrefix(name, known);
      if (distance > 3) {
        continue;
      }
      if (distance < bestDistance || (distance == bestDistance && prefix > bestPrefix)) {
        best = known;
        bestDistance = distance;
        bestPrefix = prefix;
      }
    }
    return best;
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Levenshtein distance: insertions, deletions and substitutions from {@code a} to {@code b}. */
  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private record Settings(Map<String, String> env, Map<Object, Object> props) {

    String text(String envName, String property, String fallback) {
      if (envName.startsWith(PREFIX) && !VARIABLES.contains(envName)) {
        throw new IllegalStateException(envName + " is read but missing from HostConfig.VARIABLES");
      }
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
            envName + " (or -D" + property + ") must be a whole number, not '" + value + "'");
      }
    }

    boolean flag(String envName, String property, boolean fallback) {
      String value = text(envName, property, null);
      if (value == null) {
        return fallback;
      }
      if (value.trim().equalsIgnoreCase("true")) {
        return true;
      }
      if (value.trim().equalsIgnoreCase("false")) {
        return false;
      }
      throw new IllegalArgumentException(
          envName
              + " (or -D"
              + property
              + ") must be true or false (in any case), not '"
              + value
              + "'");
    }
  }
}
