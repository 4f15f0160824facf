package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.live.LiveServer;
import io.dyninka.maven.run.EntryCommand;
import io.dyninka.maven.run.InvalidSettingException;
import io.dyninka.maven.run.LaunchFailures;
import io.dyninka.maven.run.RequestSkeleton;
import io.dyninka.maven.run.RunSettings;
import io.dyninka.maven.run.ServiceLogLines;
import io.dyninka.maven.tls.RunTls;
import io.dyninka.maven.tls.TlsSettings;
import io.dyninka.runtime.launch.LaunchException;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.launch.ServiceExit;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code dyninka:run}: starts every service of the app in its own JVM on a free loopback port,
 * waits until all are ready, prints where they are, and streams their output until Ctrl-C (or
 * {@code dyninka.run.duration}) stops them all.
 *
 * <p>Like {@code spring-boot:run}, it compiles the project first, so that the manifest and the
 * generated services are current.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractDyninkaMojo {

  /**
   * Extra environment variables of every service, in the pom: {@code <environment><NAME>value
   * </NAME></environment>}. (Maven cannot set a map from the command line: use {@code
   * dyninka.run.environment} there.)
   */
  @Parameter Map<String, String> environment;

  /**
   * Extra environment variables of every service as {@code NAME=value,NAME2=value2}, added to
   * {@code <environment>} (and overriding it for the same names).
   */
  @Parameter(property = RunSettings.ENVIRONMENT)
  String environmentVariables;

  /**
   * JVM options of every service, separated by spaces (e.g. {@code -Xmx64m -Dfoo=bar}); they come
   * after the defaults and so override them.
   */
  @Parameter(property = RunSettings.JVM_FLAGS)
  String jvmFlags;

  /** Starts each service JVM with Dyninka's small-footprint options before {@code jvmFlags}. */
  @Parameter(property = RunSettings.DEFAULT_JVM_FLAGS, defaultValue = "true")
  boolean defaultJvmFlags;

  /** How long, in seconds, all services together may take to answer {@code /health/ready}. */
  @Parameter(property = RunSettings.READINESS_TIMEOUT, defaultValue = "60")
  int readinessTimeout;

  /**
   * Stops the app by itself after this many seconds (for scripts and tests); 0 runs until Ctrl-C.
   */
  @Parameter(property = RunSettings.DURATION, defaultValue = "0")
  int duration;

  /**
   * Which services share a JVM: groups separated by commas, members by {@code +} ({@code
   * validate+price,invoice}), or {@code all}; a service no group names runs alone. Empty: one JVM
   * per service.
   */
  @Parameter(property = Colocation.PROPERTY)
  String colocate;

  /**
   * JVMs per service: {@code invoice=2,price=3}, or a number for every service that may have
   * several (the stateless ones; the stateful ones with {@code dyninka.stateStore}). Default one.
   */
  @Parameter(property = RunSettings.REPLICAS)
  String replicas;

  /**
   * The state store of the stateful services, {@code redis://host:port[/db]}: given to them as
   * {@code DYNINKA_STATE_STORE}, so their state outlives the run and they may run as replicas.
   */
  @Parameter(property = RunSettings.STATE_STORE)
  String stateStore;

  /**
   * Runs the services over mutual TLS: a throw-away CA and a certificate per process, made under
   * {@code target/dyninka/tls/}.
   */
  @Parameter(property = TlsSettings.ENABLED, defaultValue = "false")
  boolean tls;

  /**
   * With {@code dyninka.tls}: how the sink treats its clients, {@code plain} (curl as without TLS),
   * {@code tls} (curl with {@code --cacert}) or {@code mtls} (and a client certificate).
   */
  @Parameter(property = TlsSettings.SINK, defaultValue = "plain")
  String sinkTls;

  /** Where Dyninka writes its files; the certificates of {@code dyninka.tls} go to its tls/. */
  @Parameter(defaultValue = "${project.build.directory}/dyninka", readonly = true)
  File dyninkaDirectory;

  /** Skips {@code dyninka:run}. */
  @Parameter(property = "dyninka.run.skip", defaultValue = "false")
  boolean skipRun;

  /** Stops the app when Maven is stopped (Ctrl-C); package-private so a test can run it. */
  volatile Thread shutdownHook;

  @Override
  protected boolean shouldSkip() {
    return skipRun;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    RunSettings settings = settings();
    Placement placement = Colocation.placement(colocate, manifest, getLog());
    Map<String, Integer> replicaCounts = replicasOf(settings, manifest, placement);
    List<Path> classpath = classpath();
    getLog()
        .info(
            "Starting "
                + manifest.services().size()
                + " services of app "
                + manifest.app()
                + (placement.isSplit()
                    ? ""
                    : " in " + placement.groups().size() + " processes (" + placement + ")"));
    RunTls runTls = runTls(manifest, placement);
    RunningApp app;
    try {
      LocalLauncher.Builder launcher =
          settings.launcherBuilder(classpath, new ServiceLogLines(getLog()), replicaCounts);
      if (runTls != null) {
        launcher.processEnvironment(runTls::environmentOf).tls(runTls.probeContext());
      }
      app = launcher.build().start(manifest, placement);
    } catch (LaunchException e) {
      throw new MojoExecutionException(LaunchFailures.describe(e, settings), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "Cannot start app " + manifest.app() + ": " + e.getMessage(), e);
    }
    Runnable stop = stopAndReport(app, manifest);
    shutdownHook = new Thread(stop, "dyninka-run-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    LiveServer live =
        LiveServer.forApp(
            manifest, app, runTls == null ? null : runTls.probeContext(), getLog()::warn);
    try {
      app.table().lines().forEach(getLog()::info);
      getLog()
          .info(
              "Entry: "
                  + entryCommand(
                      manifest, app, classpath, runTls == null ? "" : runTls.curlOptions()));
      if (live != null) {
        getLog().info("Live:  " + live.url() + " (the flow, its rates and latencies)");
      }
      getLog()
          .info(
              settings.duration().isZero()
                  ? "Press Ctrl-C to stop."
                  : "Stopping by itself after "
                      + settings.duration().toSeconds()
                      + " s ("
                      + RunSettings.DURATION
                      + ").");
      ServiceExit crash = awaitCrash(app, settings);
      if (crash != null) {
        throw new MojoExecutionException(LaunchFailures.describe(crash));
      }
    } finally {
      if (live != null) {
        live.close();
      }
      stop.run();
      removeShutdownHook();
    }
  }

  /** Stops the app, once, and says so: at the end of the goal, or on Ctrl-C from the hook. */
  private Runnable stopAndReport(RunningApp app, AppManifest manifest) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        app.close();
        getLog()
            .info(
                "Stopped "
                    + manifest.services().size()
                    + (manifest.services().size() == 1 ? " service" : " services")
                    + " of app "
                    + manifest.app()
                    + ".");
      }
    };
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Ctrl-C: the JVM is shutting down, and the hook is running or has run.
    }
  }

  /** The certificates of {@code -Ddyninka.tls}, made for this run; null without it. */
  private RunTls runTls(AppManifest manifest, Placement placement) throws MojoExecutionException {
    if (!tls) {
      return null;
    }
    Path dir = dyninkaDirectory.toPath().resolve("tls");
    try {
      RunTls made = RunTls.write(manifest, placement, dir, TlsSettings.sinkPolicy(sinkTls));
      getLog().info("Mutual TLS between the services: certificates of a new CA in " + dir);
      return made;
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the certificates of " + TlsSettings.ENABLED + " to " + dir + ": " + e, e);
    }
  }

  /** The curl command of the entry, with a skeleton of the project's own payload type. */
  private static String entryCommand(
      AppManifest manifest, RunningApp app, List<Path> classpath, String curlOptions) {
    URL[] urls = classpath.stream().map(RunMojo::url).toArray(URL[]::new);
    try (URLClassLoader project = new URLClassLoader(urls, RunMojo.class.getClassLoader())) {
      return EntryCommand.curl(manifest, app.entryUrl(), new RequestSkeleton(project), curlOptions);
    } catch (IOException e) {
      throw new UncheckedIOException("closing the project's class loader", e);
    }
  }

  private static URL url(Path classpathEntry) {
    try {
      return classpathEntry.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a class path entry: " + classpathEntry, e);
    }
  }

  /** Waits for Ctrl-C, the end of the duration, or a service that exits; returns that exit. */
  private static ServiceExit awaitCrash(RunningApp app, RunSettings settings) {
    CompletableFuture<ServiceExit> exit = app.unexpectedExit();
    try {
      return settings.duration().isZero()
          ? exit.get()
          : exit.get(settings.duration().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the exit of a service cannot fail", e);
    }
  }

  RunSettings settings() throws MojoExecutionException {
    try {
      return RunSettings.resolve(
          new RunSettings.PomValues(
              environment,
              environmentVariables,
              jvmFlags,
              defaultJvmFlags,
              readinessTimeout,
              duration,
              replicas,
              stateStore),
          // the base Mojo has already put the command line over these values
          new Properties());
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private static Map<String, Integer> replicasOf(
      RunSettings settings, AppManifest manifest, Placement placement)
      throws MojoExecutionException {
    try {
      return settings.replicasOf(manifest, placement);
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The project's runtime class path: its classes, with the generated services, and dependencies.
   */
  List<Path> classpath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements().stream().map(Path::of).toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "Cannot resolve the runtime class path of " + project.getId() + ": " + e.getMessage(), e);
    }
  }
}
