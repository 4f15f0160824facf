package io.dyninka.benchmarks.chain;

import io.dyninka.Dyninka;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code main} of every baseline JVM. It reads what {@code LocalLauncher} gives each process
 * ({@code PORT}, and {@code DYNINKA_PEERS} for the other processes' URLs), so the baselines start
 * exactly like the Dyninka services: same launcher, same JVM flags, same environment.
 */
public final class ChainProcess {

  /** Loopback only: the benchmark never listens on, or sends to, another address. */
  public static final String HOST = "127.0.0.1";

  private final int port;
  private final Map<String, URI> peers;

  private ChainProcess(int port, Map<String, URI> peers) {
    this.port = port;
    this.peers = peers;
  }

  public static ChainProcess fromEnvironment() {
    String port = System.getenv("PORT");
    if (port == null) {
      throw new IllegalStateException("PORT is not set: start this process through LocalLauncher");
    }
    Map<String, URI> peers = new LinkedHashMap<>();
    String spec = System.getenv("DYNINKA_PEERS");
    if (spec != null && !spec.isBlank()) {
      for (String entry : spec.split(",")) {
        int eq = entry.indexOf('=');
        peers.put(entry.substring(0, eq).trim(), URI.create(entry.substring(eq + 1).trim()));
      }
    }
    return new ChainProcess(Integer.parseInt(port.trim()), Map.copyOf(peers));
  }

  public int port() {
    return port;
  }

  public URI peer(String name) {
    URI uri = peers.get(name);
    if (uri == null) {
      throw new IllegalStateException("DYNINKA_PEERS names no '" + name + "': " + peers.keySet());
    }
    return uri;
  }

  /**
   * Deploys {@code instances} verticles on a new Vert.x and serves until the JVM stops; exits 1 if
   * they cannot start. The user's {@code get} reaches Vert.x through {@code Dyninka.vertx()}, so it
   * is bound here, as the Dyninka host does, rather than letting it create a second Vert.x.
   */
  public static void serve(String name, int instances, Supplier<Deployable> verticle) {
    Vertx vertx = Vertx.vertx();
    Dyninka.bind(vertx);
    try {
      vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances)).await();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "stop-" + name));
      System.out.println(name + " listening, " + instances + " instance(s)");
    } catch (RuntimeException e) {
      System.err.println(name + " failed to start: " + e.getMessage());
      vertx.close();
      System.exit(1);
    }
  }

  /**
   * One instance per event loop, as the Dyninka host runs a stateless service, or {@code
   * DYNINKA_INSTANCES} when set, the same knob as Dyninka's; one if stateful.
   */
  public static int instances(boolean stateful) {
    String configured = System.getenv("DYNINKA_INSTANCES");
    if (stateful) {
      return 1;
    }
    return configured == null || configured.isBlank()
        ? VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE
        : Integer.parseInt(configured.trim());
  }

  /**
   * The baselines' server options, tuned as Dyninka's services are (no Nagle delay, no WebSocket
   * extension handler in the pipeline), so that the comparison is of the designs, not of a setting.
   */
  public static HttpServerOptions serverOptions() {
    return new HttpServerOptions()
        .setTcpNoDelay(true)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
  }

  /**
   * The upstream client every baseline process uses: pooled keep-alive HTTP/1.1 with up to 64
   * connections, the same pool as Dyninka's UpstreamClient. One per verticle, so that answers stay
   * on its event loop.
   */
  public static HttpClientAgent pooledClient(Vertx vertx) {
    return vertx
        .httpClientBuilder()
        .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
        .with(new PoolOptions().setHttp1MaxSize(64))
        .build();
  }
}
