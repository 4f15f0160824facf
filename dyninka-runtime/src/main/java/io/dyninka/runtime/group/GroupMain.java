package io.dyninka.runtime.group;

import io.dyninka.Dyninka;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.ColocatedServices;
import io.dyninka.runtime.HostConfig;
import io.dyninka.runtime.Processors;
import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@code main} of a process that hosts a group of an app's services: {@code java -cp …
 * io.dyninka.runtime.group.GroupMain <app>}, with {@code DYNINKA_GROUP=a+b} (the members, as in
 * {@code -Ddyninka.colocate}) and {@code DYNINKA_PORTS=a=8081,b=8082}. Every other setting is read
 * as a single service reads it and applies to each member.
 *
 * <p>Each member listens on its own port, as it would alone; a pull from one member to another is a
 * direct call. The members start in the app's order, so the last one ready means all are.
 *
 * <p>With mutual TLS ({@code DYNINKA_TLS_*}) the members share the process's one certificate, which
 * names each of them by its URI SAN: a member pulling another process presents it, and is let in if
 * any member it names is a caller there.
 */
public final class GroupMain {

  public static final String GROUP_ENV = "DYNINKA_GROUP";
  private static final String SINK_TLS_ENV = "DYNINKA_SINK_TLS";

  private GroupMain() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: GroupMain <app>, with DYNINKA_GROUP and DYNINKA_PORTS set");
      System.exit(2);
    }
    String app = args[0];
    String group = System.getenv(GROUP_ENV);
    Vertx vertx = null;
    try {
      AppManifest manifest = ServiceHost.loadManifest(app);
      List<String> members = members(group, manifest);
      Map<String, Integer> ports = MemberPorts.parse(System.getenv(MemberPorts.ENV), members);
      HostConfig config = HostConfig.fromEnvironment();
      VertxOptions options = Processors.vertxOptions();
      vertx = Vertx.vertx(options);
      Dyninka.bind(vertx);
      int instances = Processors.instances(config, options);
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      List<ServiceHost> hosts =
          start(
                  vertx,
                  manifest,
                  members,
                  member -> GeneratedServices.load(manifest.service(member).orElseThrow(), loader),
                  member -> HostConfig.fromEnvironment(memberSettings(manifest, member, ports)),
                  instances)
              .await();
      Vertx running = vertx;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> shutdown(running, hosts, config), "dyninka-shutdown"));
      exitWithParent(System.getenv(ServiceHost.PARENT_PID_ENV));
      for (int i = 0; i < members.size(); i++) {
        System.out.printf(
            "Dyninka service %s of app %s listening on port %d (group %s)%n",
            members.get(i), app, hosts.get(i).port(), String.join("+", members));
      }
    } catch (Exception e) {
      System.err.println(
          "Dyninka group " + group + " of app " + app + " failed to start: " + e.getMessage());
      if (vertx != null) {
        vertx.close();
      }
      System.exit(1);
    }
  }

  /**
   * What a member reads over the process's environment: its own port and, unless it is the sink, no
   * {@code DYNINKA_SINK_TLS}, the policy of the sink's clients that one environment gives every
   * member.
   */
  static Map<String, String> memberSettings(
      AppManifest manifest, String member, Map<String, Integer> ports) {
    Map<String, String> settings = new HashMap<>();
    settings.put("PORT", Integer.toString(ports.get(member)));
    if (!member.equals(manifest.sink())) {
      settings.put(SINK_TLS_ENV, null);
    }
    return settings;
  }

  /**
   * The members {@code spec} names (one group of {@link Placement}'s syntax, or {@code all}),
   * checked against the app.
   */
  static List<String> members(String spec, AppManifest manifest) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          GROUP_ENV + " is not set: name the services of this process, as in a+b");
    }
    if (spec.contains(",")) {
      throw new IllegalArgumentException(
          GROUP_ENV + "=" + spec + " names several groups; one process hosts one group");
    }
    return Placement.parse(spec, manifest).groups().get(0).members();
  }

  /**
   * Starts {@code members} of {@code manifest} on {@code vertx}, one after the other in the app's
   * order, as one group: each with the function and settings (its port) given for it.
   */
  public static Future<List<ServiceHost>> start(
      Vertx vertx,
      AppManifest manifest,
      List<String> members,
      Function<String, ServiceFunction> functions,
      Function<String, HostConfig> configs,
      int instances) {
    ColocatedServices group = new ColocatedServices(members);
    List<String> ordered =
        manifest.services().stream().map(s -> s.name()).filter(members::contains).toList();
    Future<List<ServiceHost>> started = Future.succeededFuture(new ArrayList<>());
    for (String member : ordered) {
      started =
          started.compose(
              hosts ->
                  ServiceHost.start(
                          vertx,
                          manifest,
                          member,
                          functions.apply(member),
                          configs.apply(member),
                          instances,
                          group)
                      .map(
                          host -> {
                            hosts.add(host);
                            return hosts;
                          }));
    }
    // Back in the order the caller named them.
    return started.map(
        hosts -> {
          Map<String, ServiceHost> byName = new LinkedHashMap<>();
          for (int i = 0; i < ordered.size(); i++) {
            byName.put(ordered.get(i), hosts.get(i));
          }
          return members.stream().map(byName::get).toList();
        });
  }

  private static void shutdown(Vertx vertx, List<ServiceHost> hosts, HostConfig config) {
    long grace = config.shutdownGrace().toMillis();
    try {
      Thread.sleep(config.drainDelay().toMillis());
      Future.all(hosts.stream().map(ServiceHost::stop).toList())
          .await(grace + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      System.err.println("Dyninka group: requests still in flight after " + grace + " ms: " + e);
    }
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Dyninka group did not close cleanly: " + e);
    }
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
}
