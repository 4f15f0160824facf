package io.dyninka.maven.run;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.launch.JvmFlags;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.state.StoreAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The settings of {@code dyninka:run}, resolved from the pom and the command line. A property given
 * on the command line ({@code -Ddyninka.run.…}) beats the pom's {@code <configuration>}: that is
 * what a user typing it means, although Maven on its own lets the pom win.
 *
 * @param environment extra environment variables of every service
 * @param jvmFlags the options of every service JVM
 * @param readinessTimeout how long all services together may take to be ready
 * @param duration how long to run before stopping by itself; zero runs until Ctrl-C
 * @param replicas how many JVMs of each service
 */
public record RunSettings(
    Map<String, String> environment,
    JvmFlags jvmFlags,
    Duration readinessTimeout,
    Duration duration,
    ReplicaCounts replicas) {

  public static final String ENVIRONMENT = "dyninka.run.environment";
  public static final String JVM_FLAGS = "dyninka.run.jvmFlags";
  public static final String DEFAULT_JVM_FLAGS = "dyninka.run.defaultJvmFlags";
  public static final String READINESS_TIMEOUT = "dyninka.run.readinessTimeout";
  public static final String DURATION = "dyninka.run.duration";
  public static final String REPLICAS = "dyninka.replicas";
  public static final String STATE_STORE = "dyninka.stateStore";

  /** The runtime's setting that {@link #STATE_STORE} gives the services. */
  static final String STATE_STORE_ENV = "DYNINKA_STATE_STORE";

  public RunSettings {
    environment = Map.copyOf(environment);
  }

  /** What the pom (or Maven's own property injection) gave the Mojo's parameters. */
  public record PomValues(
      Map<String, String> environment,
      String environmentVariables,
      String jvmFlags,
      boolean defaultJvmFlags,
      int readinessTimeoutSeconds,
      int durationSeconds,
      String replicas,
      String stateStore) {

    /** Without replicas or a store: one JVM of each service, state in the JVM. */
    public PomValues(
        Map<String, String> environment,
        String environmentVariables,
        String jvmFlags,
        boolean defaultJvmFlags,
        int readinessTimeoutSeconds,
        int durationSeconds) {
      this(
          environment,
          environmentVariables,
          jvmFlags,
          defaultJvmFlags,
          readinessTimeoutSeconds,
          durationSeconds,
          null,
          null);
    }
  }

  /**
   * Resolves the settings.
   *
   * @param commandLine the user properties of the Maven session ({@code -D…})
   * @throws InvalidSettingException naming the property whose value is wrong
   */
  public static RunSettings resolve(PomValues pom, Properties commandLine) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (pom.environment() != null) {
      pom.environment().forEach((name, value) -> environment.put(name, value == null ? "" : value));
    }
    String variables = commandLine.getProperty(ENVIRONMENT, pom.environmentVariables());
    if (variables != null) {
      // Merged over the map: NAME=value pairs add or change variables, they do not drop others.
      environment.putAll(parseEnvironment(variables));
    }
    String flags = commandLine.getProperty(JVM_FLAGS, pom.jvmFlags());
    boolean defaults =
        booleanValue(
            DEFAULT_JVM_FLAGS, commandLine.getProperty(DEFAULT_JVM_FLAGS), pom.defaultJvmFlags());
    JvmFlags jvmFlags =
        (defaults ? JvmFlags.defaults() : JvmFlags.none()).with(JvmFlags.parse(flags).flags());
    int readiness =
        seconds(
            READINESS_TIMEOUT,
            commandLine.getProperty(READINESS_TIMEOUT),
            pom.readinessTimeoutSeconds());
    if (readiness <= 0) {
      throw new InvalidSettingException(
          READINESS_TIMEOUT, "must be a positive number of seconds, not " + readiness);
    }
    int duration = seconds(DURATION, commandLine.getProperty(DURATION), pom.durationSeconds());
    if (duration < 0) {
      throw new InvalidSettingException(
          DURATION, "must be 0 (run until Ctrl-C) or a number of seconds, not " + duration);
    }
    String store = commandLine.getProperty(STATE_STORE, pom.stateStore());
    if (store != null && !store.isBlank()) {
      try {
        StoreAddress.parse(store, null);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(STATE_STORE, "is not a store: " + e.getMessage());
      }
      environment.put(STATE_STORE_ENV, store.strip());
    }
    return new RunSettings(
        environment,
        jvmFlags,
        Duration.ofSeconds(readiness),
        Duration.ofSeconds(duration),
        ReplicaCounts.parse(commandLine.getProperty(REPLICAS, pom.replicas())));
  }

  /**
   * The JVMs of each service that runs more than once; a stateful service has a store when {@link
   * #STATE_STORE}, the environment or Maven's own environment sets {@code DYNINKA_STATE_STORE}.
   *
   * @throws InvalidSettingException as {@link ReplicaCounts#of}
   */
  public Map<String, Integer> replicasOf(AppManifest app, Placement placement) {
    String store = environment.getOrDefault(STATE_STORE_ENV, System.getenv(STATE_STORE_ENV));
    return replicas.of(app, placement, store != null && !store.isBlank());
  }

  /**
   * A launcher's builder with these settings, starting {@code replicas} of the services named
   * there; the goal adds what it makes for the run (TLS).
   */
  public LocalLauncher.Builder launcherBuilder(
      List<Path> classpath, Consumer<String> logSink, Map<String, Integer> replicas) {
    LocalLauncher.Builder launcher = LocalLauncher.builder();
    replicas.forEach(launcher::replicas);
    return launcher
        .classpath(classpath)
        // One-line JUL records, so that ServiceLogLines can put them at their level.
        .jvmFlags(JvmFlags.of(ServiceLogLines.JUL_FORMAT_FLAG).with(jvmFlags.flags()))
        .environment(environment)
        .readinessTimeout(readinessTimeout)
        .logSink(logSink);
  }

  /** {@code NAME=value,NAME2=value2}; a value may hold {@code =} but not a comma. */
  static Map<String, String> parseEnvironment(String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InvalidSettingException(
            ENVIRONMENT,
            "expects NAME=value pairs separated by commas, not '" + entry.strip() + "'");
      }
      variables.put(entry.substring(0, equals).strip(), entry.substring(equals + 1));
    }
    return variables;
  }

  private static int seconds(String property, String commandLineValue, int pomValue) {
    if (commandLineValue == null) {
      return pomValue;
    }
    try {
      return Integer.parseInt(commandLineValue.strip());
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(
          property, "must be a whole number of seconds, not '" + commandLineValue + "'");
    }
  }

  private static boolean booleanValue(String property, String commandLineValue, boolean pomValue) {
    if (commandLineValue == null) {
      return pomValue;
    }
    String value = commandLineValue.strip();
    // A bare -Dname means true, as Maven itself reads it.
    if (value.isEmpty() || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidSettingException(
        property, "must be true or false, not '" + commandLineValue + "'");
  }
}
