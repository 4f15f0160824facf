package io.dyninka.runtime.launch;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The services of an app running as local processes, all ready. Closing it stops them all; so does
 * the end of the JVM (Ctrl-C) if it was not closed before.
 */
public final class RunningApp implements AutoCloseable {

  private static final Duration SHUTDOWN_SETTLE_TIME = Duration.ofMillis(500);

  private final String app;
  private final String sink;
  private final ServiceGroup group;
  private final Thread shutdownHook;
  private final Map<String, RunningService> services = new LinkedHashMap<>();
  private final Map<String, String> groups = new LinkedHashMap<>();
  private final CompletableFuture<ServiceExit> unexpectedExit = new CompletableFuture<>();

  RunningApp(String app, String sink, ServiceGroup group, Thread shutdownHook) {
    this(app, sink, List.of(), group, shutdownHook);
  }

  /** An app whose services are listed in {@code order} (the manifest's), whatever their process. */
  RunningApp(String app, String sink, List<String> order, ServiceGroup group, Thread shutdownHook) {
    this.app = app;
    this.sink = sink;
    this.group = group;
    this.shutdownHook = shutdownHook;
    for (ServiceProcess service : group.services()) {
      service
          .members()
          .forEach(
              (name, port) -> {
                URI url = service.url(name);
                services.put(name, new RunningService(name, url, port, service.pid()));
                groups.put(name, service.name());
              });
      service.exit().thenAccept(this::onExit);
    }
    // In the app's order, whatever the order of the processes.
    Map<String, RunningService> ordered = new LinkedHashMap<>();
    order.forEach(name -> ordered.put(name, services.get(name)));
    services.keySet().forEach(name -> ordered.putIfAbsent(name, services.get(name)));
    services.clear();
    services.putAll(ordered);
  }

  private void onExit(ServiceExit exit) {
    // Ctrl-C reaches the services too (they share the terminal's process group), and they may
    // exit before this JVM's shutdown hook starts: give it a moment before calling it a crash.
    sleep(SHUTDOWN_SETTLE_TIME);
    if (!group.isStopping() && !jvmIsShuttingDown()) {
      unexpectedExit.complete(exit);
    }
  }

  private static boolean jvmIsShuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The app name from the manifest. */
  public String app() {
    return app;
  }

  /** Every service, in manifest order (head first). */
  public List<RunningService> services() {
    return List.copyOf(services.values());
  }

  /** The service named {@code name}; throws {@link IllegalArgumentException} if there is none. */
  public RunningService service(String name) {
    RunningService service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException(
          "app " + app + " has no service '" + name + "'; it has " + services.keySet());
    }
    return service;
  }

  /**
   * The base URL of service {@code name}, {@code http://127.0.0.1:<port>}, or {@code https://…}
   * when it speaks TLS to its clients.
   */
  public URI url(String name) {
    return service(name).url();
  }

  public long pid(String name) {
    return service(name).pid();
  }

  /** Where clients call the app: the sink service's {@code /}. */
  public URI entryUrl() {
    return service(sink).url().resolve("/");
  }

  /**
   * Completes with the first service that exits while the app runs (a crash, or a kill from
   * outside). It is cancelled when the app is closed first.
   */
  public CompletableFuture<ServiceExit> unexpectedExit() {
    return unexpectedExit;
  }

  /** Whether every service process is still alive. */
  public boolean isAlive() {
    return !group.isStopping() && group.services().stream().allMatch(ServiceProcess::isAlive);
  }

  /** The group (process) that hosts {@code name}: {@code a+b}, or its own name when alone. */
  public String groupOf(String name) {
    service(name);
    return groups.get(name);
  }

  /**
   * A plain-text table of the services: a header, then one line per service, head first; with a
   * GROUP column when some services share a process, whose pid they then share too.
   */
  public String table() {
    boolean grouped = groups.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
    List<String[]> rows = new ArrayList<>();
    rows.add(
        grouped
            ? new String[] {"SERVICE", "URL", "PID", "GROUP"}
            : new String[] {"SERVICE", "URL", "PID"});
    services
        .values()
        .forEach(
            s -> {
              String name = s.name().equals(sink) ? s.name() + " (entry)" : s.name();
              String url = s.url().toString();
              String pid = Long.toString(s.pid());
              rows.add(
                  grouped
                      ? new String[] {name, url, pid, groups.get(s.name())}
                      : new String[] {name, url, pid});
            });
    return TextTable.format(rows);
  }

  /**
   * Stops every service process and whatever it started: SIGTERM, up to the grace period, then
   * SIGKILL. Returns once none is left. Idempotent.
   */
  @Override
  public void close() {
    unexpectedExit.cancel(false);
    group.stop();
    removeShutdownHook(shutdownHook);
  }

  static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook is running or has run.
    }
  }
}
