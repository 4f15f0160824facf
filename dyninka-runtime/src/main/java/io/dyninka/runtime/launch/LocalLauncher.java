package io.dyninka.runtime.launch;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.PeerAddresses;
import io.dyninka.runtime.ServiceHost;
import io.dyninka.runtime.group.GroupMain;
import io.dyninka.runtime.group.MemberPorts;
import io.dyninka.runtime.tls.SinkTls;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Runs every service of an app as its own local JVM on a free loopback port, the way {@code
 * dyninka:run}, demo drivers and end-to-end tests do. It knows nothing of Maven: it takes a class
 * path and a manifest.
 *
 * <pre>{@code
 * try (RunningApp app = LocalLauncher.builder().classpath(jars).build().start(manifest)) {
 *   System.out.print(app.table());
 *   // call app.entryUrl()
 * }
 * }</pre>
 *
 * <p>Each service gets {@code PORT} and {@code DYNINKA_PEERS} (the URL of every service of the app)
 * on top of this JVM's environment and {@link Builder#environment extra variables}.
 *
 * <p>A service may run as several {@link Builder#replicas replicas}, each a JVM of its own: the
 * first is named as the service, the others {@code service#2}, {@code service#3}…, and {@code
 * DYNINKA_PEERS} lists them all, so callers share their pulls among them. A stateful service takes
 * replicas only with a state store ({@code DYNINKA_STATE_STORE}): without one, its state lives in
 * one JVM.
 *
 * <p>Each process may get variables of its own ({@link Builder#processEnvironment}), such as its
 * certificate for mutual TLS; with {@link Builder#tls} the launcher reaches the services over TLS
 * (all but a sink whose {@code DYNINKA_SINK_TLS} is {@code plain}), presenting that context's
 * certificate, and their URLs are {@code https://}.
 */
public final class LocalLauncher {

  private static final String SINK_TLS_ENV = "DYNINKA_SINK_TLS";

  /** One more try after a port clash; a second clash in a row means the port is not the issue. */
  private static final int PORT_ATTEMPTS = 2;

  private final List<Path> classpath;
  private final Path javaExecutable;
  private final JvmFlags jvmFlags;
  private final Map<String, String> environment;
  private final Consumer<String> logSink;
  private final Duration readinessTimeout;
  private final Duration stopGracePeriod;
  private final Map<String, Integer> replicas;
  private final Function<Placement.Group, Map<String, String>> processEnvironment;
  private final SSLContext tls;

  private LocalLauncher(Builder builder) {
    this.classpath = List.copyOf(builder.classpath);
    this.javaExecutable = builder.javaExecutable;
    this.jvmFlags = builder.jvmFlags;
    this.environment = Map.copyOf(builder.environment);
    this.logSink = new SerializedSink(builder.logSink);
    this.readinessTimeout = builder.readinessTimeout;
    this.stopGracePeriod = builder.stopGracePeriod;
    this.replicas = Map.copyOf(builder.replicas);
    this.processEnvironment = builder.processEnvironment;
    this.tls = builder.tls;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every service of {@code manifest} in parallel and returns once all answer {@code GET
   * /health/ready} with 200.
   *
   * @throws LaunchException if a service cannot start, exits, or is not ready in time; every
   *     process of the launch has then been stopped
   */
  public RunningApp start(AppManifest manifest) {
    return start(manifest, Placement.split(manifest));
  }

  /**
   * Starts {@code manifest} with its services grouped as {@code placement} says: one JVM per group,
   * where each member listens on its own free port and calls the other members directly. The table
   * shows each service with its group and the pid of the group's JVM.
   *
   * @throws LaunchException as {@link #start(AppManifest)}
   */
  public RunningApp start(AppManifest manifest, Placement placement) {
    check(manifest);
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(manifest, placement);
      } catch (LaunchException e) {
        if (attempt == PORT_ATTEMPTS || !tookPortInTheMeantime(e)) {
          throw e;
        }
        logSink.accept(
            "[dyninka] service '" + e.service() + "' found its port taken; starting again");
      }
    }
  }

  /**
   * Whether a service failed because another process bound its port between the moment it was found
   * free and the moment the service bound it, a race no port picking avoids.
   */
  private static boolean tookPortInTheMeantime(LaunchException e) {
    return e.reason() == LaunchException.Reason.EXITED
        && e.lastLines().stream().anyMatch(line -> line.contains("Address already in use"));
  }

  /** One JVM to start: a service, or one replica of it, and its port. */
  private record Instance(ServiceManifest service, String name, int port) {}

  /**
   * The JVMs of the services alone in their process, replicas included, and a port for every
   * service and replica: the port of a group's member is the one its group's JVM listens on for it.
   */
  private List<Instance> instances(List<ServiceManifest> services, Placement placement) {
    List<Instance> instances = new ArrayList<>();
    List<Integer> ports =
        FreePorts.pick(services.stream().mapToInt(s -> replicasOf(s.name(), placement)).sum());
    for (ServiceManifest service : services) {
      int count = replicasOf(service.name(), placement);
      for (int replica = 1; replica <= count; replica++) {
        String name = replica == 1 ? service.name() : service.name() + "#" + replica;
        instances.add(new Instance(service, name, ports.get(instances.size())));
      }
    }
    return instances;
  }

  /** A member of a group runs once, in its group's JVM; a service alone, as often as asked. */
  private int replicasOf(String service, Placement placement) {
    int asked = replicas.getOrDefault(service, 1);
    if (asked > 1 && placement.groupOf(service).members().size() > 1) {
      throw invalid(
          "Service '"
              + service
              + "' is placed in group '"
              + placement.groupOf(service).name()
              + "', whose JVM hosts it once: run it alone in its process to give it "
              + asked
              + " replicas.");
    }
    return asked;
  }

  private RunningApp startOnce(AppManifest manifest, Placement placement) {
    List<ServiceManifest> services = manifest.services();
    List<Instance> instances = instances(services, placement);
    Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
    serviceEnvironment.put(PeerAddresses.ENV, peers(instances));
    // Services stop by themselves if this JVM dies without running its shutdown hook (SIGKILL).
    serviceEnvironment.put(
        ServiceHost.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));

    ServiceGroup group = new ServiceGroup(stopGracePeriod);
    // Registered before the first process starts, so Ctrl-C during startup stops them too.
    Thread shutdownHook = new Thread(group::stop, "dyninka-stop-" + manifest.app());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try (ClasspathArgument classpathArgument = ClasspathArgument.of(classpath)) {
      // The JVMs share the machine's cores: each sizes its event loops to its share.
      long processes =
          placement.groups().stream()
              .mapToLong(
                  g -> g.members().size() > 1 ? 1 : replicasOf(g.members().get(0), placement))
              .sum();
      JvmFlags flags =
          jvmFlags.sharing((int) processes, Runtime.getRuntime().availableProcessors());
      Map<String, Integer> portOf = new LinkedHashMap<>();
      instances.forEach(instance -> portOf.putIfAbsent(instance.service().name(), instance.port()));
      for (Placement.Group placed : placement.groups()) {
        Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
        env.putAll(processEnvironment.apply(placed));
        env.put(PeerAddresses.ENV, serviceEnvironment.get(PeerAddresses.ENV));
        if (placed.members().size() == 1) {
          String alone = placed.members().get(0);
          boolean tlsClients = speaksTlsToClients(manifest, alone, env);
          for (Instance instance : instances) {
            if (instance.service().name().equals(alone)) {
              env.put("PORT", Integer.toString(instance.port()));
              group.add(startProcess(instance, tlsClients, flags, classpathArgument, env));
            }
          }
        } else {
          group.add(startGroup(manifest, placed, portOf, flags, classpathArgument, env));
        }
      }
      new ReadinessProbe(readinessTimeout, tls).awaitReady(group.services());
      return new RunningApp(
          manifest.app(),
          manifest.sink(),
          services.stream().map(ServiceManifest::name).toList(),
          group,
          shutdownHook);
    } catch (RuntimeException | Error e) {
      group.stop();
      RunningApp.removeShutdownHook(shutdownHook);
      throw e;
    }
  }

  /**
   * Whether the launcher reaches {@code service} over TLS: with {@link Builder#tls}, unless it is
   * the sink and its clients are let in over plain HTTP.
   */
  private boolean speaksTlsToClients(
      AppManifest manifest, String service, Map<String, String> env) {
    if (tls == null) {
      return false;
    }
    String policy = env.getOrDefault(SINK_TLS_ENV, System.getenv(SINK_TLS_ENV));
    if (!service.equals(manifest.sink()) || policy == null) {
      return true;
    }
    try {
      return SinkTls.parse(policy) != SinkTls.PLAIN;
    } catch (IllegalArgumentException e) {
      return true; // the sink stops at start, naming the bad value
    }
  }

  private ServiceProcess startProcess(
      Instance instance,
      boolean tlsClients,
      JvmFlags flags,
      ClasspathArgument classpathArgument,
      Map<String, String> serviceEnvironment) {
    ServiceManifest service = instance.service();
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(flags.flags());
    command.addAll(classpathArgument.arguments());
    command.add(service.mainClass());
    try {
      return ServiceProcess.start(
          instance.name(),
          instance.port(),
          Map.of(instance.name(), instance.port()),
          tlsClients ? Set.of(instance.name()) : Set.of(),
          command,
          serviceEnvironment,
          logSink);
    } catch (IOException e) {
      throw new LaunchException(
          LaunchException.Reason.NOT_STARTED,
          service.name(),
          "Cannot start service '"
              + service.name()
              + "' with "
              + javaExecutable
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** One JVM for the members of {@code placed}, each on its own port ({@link GroupMain}). */
  private ServiceProcess startGroup(
      AppManifest manifest,
      Placement.Group placed,
      Map<String, Integer> portOf,
      JvmFlags flags,
      ClasspathArgument classpathArgument,
      Map<String, String> serviceEnvironment) {
    Map<String, Integer> members = new LinkedHashMap<>();
    placed.members().forEach(member -> members.put(member, portOf.get(member)));
    Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
    env.remove("PORT");
    env.put(GroupMain.GROUP_ENV, placed.name());
    env.put(
        MemberPorts.ENV,
        String.join(
            ",", members.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    // GroupMain starts its members in the app's order: the last one ready means all are.
    String last =
        manifest.services().stream()
            .map(ServiceManifest::name)
            .filter(members::containsKey)
            .reduce((first, second) -> second)
            .orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.addAll(flags.flags());
    command.addAll(classpathArgument.arguments());
    command.add(GroupMain.class.getName());
    command.add(manifest.app());
    try {
      Set<String> tlsMembers = new HashSet<>();
      members.keySet().stream()
          .filter(member -> speaksTlsToClients(manifest, member, env))
          .forEach(tlsMembers::add);
      return ServiceProcess.start(
          placed.name(), members.get(last), members, tlsMembers, command, env, logSink);
    } catch (IOException e) {
      throw new LaunchException(
          LaunchException.Reason.NOT_STARTED,
          placed.name(),
          "Cannot start group '"
              + placed.name()
              + "' with "
              + javaExecutable
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String peers(List<Instance> instances) {
    Map<String, List<String>> peers = new LinkedHashMap<>();
    for (Instance instance : instances) {
      peers
          .computeIfAbsent(instance.service().name(), name -> new ArrayList<>())
          .add("http://127.0.0.1:" + instance.port());
    }
    return PeerAddresses.encode(peers);
  }

  private void check(AppManifest manifest) {
    if (manifest.services().isEmpty()) {
      throw invalid("The manifest of app '" + manifest.app() + "' has no service.");
    }
    for (ServiceManifest service : manifest.services()) {
      if (service.mainClass() == null || service.mainClass().isBlank()) {
        throw invalid(
            "Service '"
                + service.name()
                + "' of app '"
                + manifest.app()
                + "' has no mainClass in its manifest.");
      }
    }
    for (Map.Entry<String, Integer> replica : replicas.entrySet()) {
      ServiceManifest service =
          manifest
              .service(replica.getKey())
              .orElseThrow(
                  () ->
                      invalid(
                          "Replicas are asked for service '"
                              + replica.getKey()
                              + "', which app '"
                              + manifest.app()
                              + "' does not have."));
      if (replica.getValue() > 1 && service.stateful() && !hasStateStore()) {
        throw invalid(
            "Service '"
                + service.name()
                + "' has placed state, so it runs as one replica unless its state is in a store:"
                + " set DYNINKA_STATE_STORE (redis://host:port) to run "
                + replica.getValue()
                + " replicas.");
      }
    }
    if (manifest.service(manifest.sink()).isEmpty()) {
      throw invalid(
          "The sink '"
              + manifest.sink()
              + "' of app '"
              + manifest.app()
              + "' is not one of its services.");
    }
    if (classpath.isEmpty()) {
      throw invalid("The class path is empty: the services' main classes cannot be found.");
    }
    if (!Files.isExecutable(javaExecutable)) {
      throw invalid("The java executable " + javaExecutable + " does not exist or cannot be run.");
    }
  }

  private boolean hasStateStore() {
    String store =
        environment.getOrDefault("DYNINKA_STATE_STORE", System.getenv("DYNINKA_STATE_STORE"));
    return store != null && !store.isBlank();
  }

  private static LaunchException invalid(String message) {
    return new LaunchException(LaunchException.Reason.INVALID, null, message, (Throwable) null);
  }

  /** The java executable of the running JVM. */
  static Path currentJava() {
    Path home = Path.of(System.getProperty("java.home"));
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    Path java = home.resolve("bin").resolve(windows ? "java.exe" : "java");
    if (Files.isExecutable(java)) {
      return java;
    }
    return ProcessHandle.current().info().command().map(Path::of).orElse(java);
  }

  /** The class path of the running JVM. */
  static List<Path> currentClasspath() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .toList();
  }

  /** Options of a {@link LocalLauncher}; every one has a default. */
  public static final class Builder {

    private List<Path> classpath = currentClasspath();
    private Path javaExecutable = currentJava();
    private JvmFlags jvmFlags = JvmFlags.defaults();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Consumer<String> logSink = System.out::println;
    private Duration readinessTimeout = Duration.ofSeconds(60);
    private Duration stopGracePeriod = Duration.ofSeconds(5);
    private final Map<String, Integer> replicas = new LinkedHashMap<>();
    private Function<Placement.Group, Map<String, String>> processEnvironment = group -> Map.of();
    private SSLContext tls;

    private Builder() {}

    /**
     * Adds variables to the environment of each process, by the group it hosts (a service alone is
     * a group of one, named as the service; its replicas share them): its own certificate, say.
     * They come over {@link #environment}; {@code PORT} and {@code DYNINKA_PEERS} stay the
     * launcher's.
     */
    public Builder processEnvironment(Function<Placement.Group, Map<String, String>> byGroup) {
      this.processEnvironment = Objects.requireNonNull(byGroup, "processEnvironment");
      return this;
    }

    /**
     * The services speak TLS ({@code DYNINKA_TLS_*} set in their environment): the readiness probes
     * reach them with {@code context}, which presents a certificate of the app's CA and trusts it,
     * and their URLs are {@code https://}. A sink whose {@code DYNINKA_SINK_TLS} is {@code plain}
     * is still reached over HTTP.
     */
    public Builder tls(SSLContext context) {
      this.tls = Objects.requireNonNull(context, "tls");
      return this;
    }

    /**
     * Runs {@code count} replicas of {@code service}, each a JVM of its own; default one. A
     * stateful service takes more than one only with {@code DYNINKA_STATE_STORE} set.
     */
    public Builder replicas(String service, int count) {
      Objects.requireNonNull(service, "service");
      if (count < 1) {
        throw new IllegalArgumentException(
            "replicas of service '" + service + "' must be at least 1, not " + count);
      }
      replicas.put(service, count);
      return this;
    }

    /** Where the services' classes are; default: this JVM's class path. */
    public Builder classpath(List<Path> classpath) {
      this.classpath = List.copyOf(classpath);
      return this;
    }

    /** The {@code java} to run; default: the one running this JVM. */
    public Builder javaExecutable(Path javaExecutable) {
      this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
      return this;
    }

    /** The options of every service JVM; default {@link JvmFlags#defaults()}. */
    public Builder jvmFlags(JvmFlags jvmFlags) {
      this.jvmFlags = Objects.requireNonNull(jvmFlags, "jvmFlags");
      return this;
    }

    /**
     * Adds variables to every service's environment. {@code PORT} and {@code DYNINKA_PEERS} are the
     * launcher's own and are always set by it.
     */
    public Builder environment(Map<String, String> environment) {
      environment.forEach(
          (name, value) ->
              this.environment.put(
                  Objects.requireNonNull(name, "environment name"),
                  Objects.requireNonNull(value, () -> "value of environment variable " + name)));
      return this;
    }

    /**
     * Receives every line the services print, prefixed with {@code [service] }. Calls come from
     * several threads but never overlap, so the sink need not be thread-safe; a sink that throws
     * loses that line only. Default: {@code System.out::println}.
     */
    public Builder logSink(Consumer<String> logSink) {
      this.logSink = Objects.requireNonNull(logSink, "logSink");
      return this;
    }

    /** How long all services together may take to be ready; default 60 s. */
    public Builder readinessTimeout(Duration readinessTimeout) {
      this.readinessTimeout = positive(readinessTimeout, "readinessTimeout");
      return this;
    }

    /** How long a service may take to stop after SIGTERM before it is killed; default 5 s. */
    public Builder stopGracePeriod(Duration stopGracePeriod) {
      Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
      if (stopGracePeriod.isNegative()) {
        throw new IllegalArgumentException(
            "stopGracePeriod must not be negative: " + stopGracePeriod);
      }
      this.stopGracePeriod = stopGracePeriod;
      return this;
    }

    public LocalLauncher build() {
      return new LocalLauncher(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
