package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes client on a Vert.x of its own. The goal closes both before it returns, also on
 * failure, and waits for Netty's global executor to stop: Netty threads left running after Maven
 * closed the plugin's class loader print {@code NoClassDefFoundError}s after BUILD FAILURE.
 *
 * <p>A cluster that is not there must fail in seconds: fabric8 retries a refused connection ten
 * times with a growing back-off (22 s), which helps a flaky API server but not a wrong kubeconfig.
 */
public final class KubernetesConnection implements AutoCloseable {

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  /** Netty's global executor stops a second after its last task; this bounds the wait. */
  private static final long GLOBAL_EXECUTOR_STOP_SECONDS = 5;

  private final Vertx vertx;
  private final KubernetesClient client;

  private KubernetesConnection(Vertx vertx, KubernetesClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Connects as the kubeconfig (or the pod's service account) says, failing fast. */
  public static KubernetesConnection open() {
    return open(Config.autoConfigure(null));
  }

  static KubernetesConnection open(Config config) {
    Config fast =
        new ConfigBuilder(config)
            .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
            .withRequestRetryBackoffLimit(0)
            .build();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    try {
      KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(fast)
              .withHttpClientFactory(new Vertx5HttpClientFactory(vertx))
              .build();
      return new KubernetesConnection(vertx, client);
    } catch (RuntimeException e) {
      vertx.close().await();
      throw e;
    }
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      vertx.close().await();
      awaitGlobalExecutorStopped();
    }
  }

  /**
   * Closing Vert.x hands Netty's termination work to its {@link GlobalEventExecutor}, whose thread
   * outlives the close by its quiet second: the thread must have ended before the goal returns.
   */
  private static void awaitGlobalExecutorStopped() {
    try {
      GlobalEventExecutor.INSTANCE.awaitInactivity(GLOBAL_EXECUTOR_STOP_SECONDS, TimeUnit.SECONDS);
    } catch (IllegalStateException neverStarted) {
      // Nothing ran on it: no thread to wait for.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
