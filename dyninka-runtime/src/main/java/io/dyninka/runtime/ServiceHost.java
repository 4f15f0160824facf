package io.dyninka.runtime;

import io.dyninka.Dyninka;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.runtime.group.GroupMain;
import io.dyninka.runtime.observe.Observability;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Hosts one service of a Dyninka app: the runtime behind every generated service class.
 *
 * <p>A stateless service runs one instance per event loop; a service with placed state runs a
 * single instance, so its invocations never overlap.
 */
public final class ServiceHost {

  /**
   * Set by a launcher to its own pid: the service stops when that process is gone, so not even a
   * launcher killed with SIGKILL leaves a service behind.
   */
  public static final String PARENT_PID_ENV = "DYNINKA_PARENT_PID";

  private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

  private final Vertx vertx;
  private final ServiceSetup setup;
  private final int port;
  private final List<String> deployments;
  private final Observability observe;

  private ServiceHost(
      Vertx vertx, ServiceSetup setup, int port, List<String> deployments, Observability observe) {
    this.vertx = vertx;
    this.setup = setup;
    this.port = port;
    this.deployments = List.copyOf(deployments);
    this.observe = observe;
  }

  /**
   * The {@code main} of a generated service: reads the app manifest from the class path and the
   * settings from the environment ({@link HostConfig}), then serves until the JVM is stopped.
   *
   * <p>With {@code DYNINKA_GROUP} set, it hosts that group instead ({@link GroupMain}): every
   * service image holds the whole app, so a group runs from a member's image through the image's
   * own entrypoint, and keeps the JVM flags the image was built with.
   */
  public static void main(String app, String service, ServiceFunction function) {
    String group = System.getenv(GroupMain.GROUP_ENV);
    if (group != null && !group.isBlank()) {
      GroupMain.main(new String[] {app});
      return;
    }
    Vertx vertx = null;
    try {
      AppManifest manifest = loadManifest(app);
      HostConfig config = HostConfig.fromEnvironment();
      VertxOptions options = Processors.vertxOptions();
      vertx = Vertx.vertx(options);
      Dyninka.bind(vertx);
      int instances = Processors.instances(config, options);
      ServiceHost host = start(vertx, manifest, service, function, config, instances).await();
      Runtime.getRuntime().addShutdownHook(new Thread(host::shutdown, "dyninka-shutdown"));
      exitWithParent(System.getenv(PARENT_PID_ENV));
      System.out.printf(
          "Dyninka service %s of app %s listening on port %d%n", service, app, host.port());
    } catch (Exception e) {
      System.err.println(
          "Dyninka service " + service + " of app " + app + " failed to start: " + e.getMessage());
      if (vertx != null) {
        vertx.close();
      }
      System.exit(1);
    }
  }

  /**
   * Starts {@code service} of {@code manifest} on {@code vertx}.
   *
   * @param instances event-loop instances for a stateless service; a stateful one always gets one
   */
  public static Future<ServiceHost> start(
      Vertx vertx,
      AppManifest manifest,
      String service,
      ServiceFunction function,
      HostConfig config,
      int instances) {
    return start(vertx, manifest, service, function, config, instances, null);
  }

  /**
   * Starts {@code service} of {@code manifest} on {@code vertx} as a member of {@code group}: its
   * pulls from the other members are direct calls (null: every pull goes over HTTP).
   */
  public static Future<ServiceHost> start(
      Vertx vertx,
      AppManifest manifest,
      String service,
      ServiceFunction function,
      HostConfig config,
      int instances,
      ColocatedServices group) {
    ServiceSetup setup;
    Observability observe;
    try {
      setup = new ServiceSetup(manifest, service, function, config);
      // One registry and one tracer per service, shared by its event-loop instances.
      observe =
          Observability.start(
              service,
              setup.self().inputs().stream()
                  .map(InputManifest::from)
                  .filter(Objects::nonNull)
                  .toList(),
              config,
              setup::inFlight);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (group != null) {
      group.register(setup, observe);
    }
    int count = setup.self().stateful() ? 1 : Math.max(1, instances);
    // A negative port makes Vert.x pick one free port that the instances listening on that same
    // negative port share; a distinct one per host keeps two services in one Vert.x apart.
    int port = config.port() == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : config.port();
    List<ServiceVerticle> created = new CopyOnWriteArrayList<>();
    Supplier<Deployable> instance =
        () -> {
          ServiceVerticle verticle = new ServiceVerticle(setup, port, observe, group);
          created.add(verticle);
          return verticle;
        };
    return vertx
        .deployVerticle(instance, new DeploymentOptions().setInstances(count))
        .map(
            id -> {
              setup.ready(true);
              return new ServiceHost(
                  vertx, setup, created.get(0).actualPort(), List.of(id), observe);
            })
        .onFailure(failed -> observe.close());
  }

  private static void exitWithParent(String parentPid) {
    if (parentPid == null || parentPid.isBlank()) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.trim()));
    if (parent.isEmpty()) {
      System.exit(0);
    }
    parent.get().onExit().thenRun(() -> System.exit(0));
  }

  /** Reads {@code META-INF/dyninka/<app>.json} from the class path. */
  public static AppManifest loadManifest(String app) throws IOException {
    String path = AppManifest.resourcePath(app);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException(
            "no app manifest "
                + path
                + " on the class path; was the app built with dyninka-processor?");
      }
      return AppManifest.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  public int port() {
    return port;
  }

  /** Turns not-ready, undeploys every instance of this service, then flushes its spans. */
  public Future<Void> stop() {
    setup.drain();
    return Future.all(deployments.stream().map(vertx::undeploy).toList())
        .<Void>mapEmpty()
        .eventually(() -> vertx.executeBlocking(() -> closeObservability()));
  }

  private Void closeObservability() {
    observe.close();
    return null;
  }

  /**
   * SIGTERM: turn not-ready at once, keep serving for the drain delay so that callers and load
   * balancers see it, then finish what is in flight (within the grace period) and exit.
   */
  private void shutdown() {
    setup.drain();
    long grace = setup.config().shutdownGrace().toMillis();
    try {
      Thread.sleep(setup.config().drainDelay().toMillis());
      // Awaited step by step from this thread: a future chained through a closing Vert.x may never
      // be completed.
      stop().await(grace + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | RuntimeException e) {
      System.err.println(
          "Dyninka service "
              + setup.name()
              + ": requests still in flight after "
              + grace
              + " ms: "
              + e);
    }
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (TimeoutException | RuntimeException e) {
      System.err.println("Dyninka service " + setup.name() + " did not close cleanly: " + e);
    }
  }
}
