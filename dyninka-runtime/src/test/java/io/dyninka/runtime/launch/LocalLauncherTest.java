package io.dyninka.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dyninka.manifest.AppManifest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Launches real JVMs running {@link FakeService} from the test class path. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalLauncherTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LocalLauncher.Builder launcher() {
    return LocalLauncher.builder().logSink(lines::add);
  }

  /** The launcher's processes are this JVM's only children. */
  private static void assertNoChildProcessLeft() {
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Nested
  @DisplayName("a started app")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Started {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private RunningApp app;

    @BeforeAll
    void start() {
      app =
          LocalLauncher.builder()
              .logSink(lines::add)
              .environment(Map.of("GREETING", "hi there"))
              .build()
              .start(TestApps.fakes("shop", "get", "map", "sum"));
    }

    @AfterAll
    void stop() {
      if (app != null) {
        app.close();
      }
    }

    @Test
    @DisplayName("has every service ready on its own loopback port")
    void everyServiceIsReady() throws Exception {
      assertThat(app.services())
          .extracting(RunningService::name)
          .containsExactly("get", "map", "sum");
      assertThat(app.services()).extracting(RunningService::port).doesNotHaveDuplicates();
      for (RunningService service : app.services()) {
        assertThat(service.url()).hasToString("http://127.0.0.1:" + service.port());
        assertThat(get(service.url().resolve("/health/ready"))).isEqualTo("ready");
        assertThat(get(service.url().resolve("/"))).isEqualTo("hello from " + service.name());
        assertThat(ProcessHandle.of(service.pid()))
            .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
      }
      assertThat(app.isAlive()).isTrue();
    }

    @Test
    @DisplayName("enters at the sink")
    void entryIsTheSink() throws Exception {
      assertThat(app.entryUrl()).isEqualTo(URI.create(app.url("sum") + "/"));
      assertThat(get(app.entryUrl())).isEqualTo("hello from sum");
    }

    @Test
    @DisplayName("tells every service where all its peers are")
    void peersOfEveryService() throws Exception {
      String expected =
          "get=" + app.url("get") + ",map=" + app.url("map") + ",sum=" + app.url("sum");
      for (RunningService service : app.services()) {
        assertThat(get(service.url().resolve("/peers"))).isEqualTo(expected);
      }
    }

    @Test
    @DisplayName("passes the extra environment")
    void extraEnvironment() throws Exception {
      assertThat(get(app.url("map").resolve("/env/GREETING"))).isEqualTo("hi there");
    }

    @Test
    @DisplayName("prints a table of service, URL and pid")
    void table() {
      List<String> rows = app.table().lines().toList();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0)).matches("SERVICE\\s+URL\\s+PID");
      assertThat(rows.get(1))
          .matches("get\\s+" + Pattern.quote(app.url("get").toString()) + "\\s+" + app.pid("get"));
      assertThat(rows.get(3)).startsWith("sum (entry)").endsWith(" " + app.pid("sum"));
      // Columns line up.
      assertThat(rows)
          .allSatisfy(row -> assertThat(row.indexOf("http")).isIn(-1, rows.get(1).indexOf("http")));
      assertThat(rows.get(0).indexOf("URL")).isEqualTo(rows.get(1).indexOf("http"));
    }

    @Test
    @DisplayName("prefixes the output lines of each service, stdout and stderr, with its name")
    void prefixedLogLines() {
      for (RunningService service : app.services()) {
        String name = service.name();
        assertThat(lines)
            .contains(
                "[" + name + "] fake " + name + " pid " + service.pid() + " on " + service.port())
            .contains("[" + name + "] fake " + name + " says hello on stderr");
      }
    }

    @Test
    @DisplayName("rejects an unknown service name with the known ones")
    void unknownService() {
      assertThatThrownBy(() -> app.url("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope")
          .hasMessageContaining("[get, map, sum]");
    }
  }

  @Nested
  @DisplayName("close()")
  class Close {

    @Test
    @DisplayName("stops every service, lets its last lines through, and is idempotent")
    void stopsEverything() {
      RunningApp app = launcher().build().start(TestApps.fakes("two", "a", "b"));
      List<Long> pids = app.services().stream().map(RunningService::pid).toList();

      app.close();
      app.close();

      pids.forEach(
          pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
      assertThat(lines).contains("[a] fake a stopping", "[b] fake b stopping");
      assertThat(app.isAlive()).isFalse();
      assertThat(app.unexpectedExit()).isCancelled();
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("stops the processes that a service started")
    void stopsDescendants() {
      RunningApp app =
          launcher()
              .build()
              .start(TestApps.chain("spawn", List.of("s"), List.of(FakeService.Spawning.class)));
      long child = findLong(Pattern.compile("\\[s] child pid (\\d+)"));
      assertThat(ProcessHandle.of(child)).isPresent();

      app.close();

      assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).isEmpty();
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("kills a service that does not stop within the grace period")
    void killsStubbornService() {
      RunningApp app =
          launcher()
              .stopGracePeriod(Duration.ofMillis(500))
              .build()
              .start(TestApps.chain("stubborn", List.of("s"), List.of(FakeService.Stubborn.class)));
      long pid = app.pid("s");

      long started = System.nanoTime();
      app.close();

      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertNoChildProcessLeft();
    }
  }

  @Nested
  @DisplayName("a failed start")
  class FailedStart {

    @Test
    @DisplayName("names a service that exited, shows its last lines, and stops the others")
    void serviceExits() {
      AppManifest manifest =
          TestApps.chain(
              "crash",
              List.of("good", "bad", "fine"),
              List.of(FakeService.class, FakeService.Crashing.class, FakeService.class));

      LaunchException e =
          catchThrowableOfType(LaunchException.class, () -> launcher().build().start(manifest));

      assertThat(e.reason()).isEqualTo(LaunchException.Reason.EXITED);
      assertThat(e.service()).isEqualTo("bad");
      assertThat(e.lastLines())
          .containsExactly("crashing service reads its configuration", "boom: no configuration");
      assertThat(e)
          .hasMessageStartingWith("Service 'bad' exited with code 3 before it was ready.")
          .hasMessageContaining("  boom: no configuration");
      assertThat(lines).contains("[bad] boom: no configuration");
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("names a service whose main class is missing")
    void missingMainClass() {
      LaunchException e =
          catchThrowableOfType(
              LaunchException.class,
              () ->
                  launcher()
                      .classpath(List.of(Path.of("/nonexistent")))
                      .build()
                      .start(TestApps.fakes("missing", "ghost")));

      assertThat(e.reason()).isEqualTo(LaunchException.Reason.EXITED);
      assertThat(e.service()).isEqualTo("ghost");
      assertThat(String.join("\n", e.lastLines()))
          .contains("Could not find or load main class " + FakeService.class.getName());
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("names a service that is not ready in time")
    void serviceNotReady() {
      AppManifest manifest =
          TestApps.chain(
              "slow",
              List.of("ok", "never"),
              List.of(FakeService.class, FakeService.NeverReady.class));

      LaunchException e =
          catchThrowableOfType(
              LaunchException.class,
              () -> launcher().readinessTimeout(Duration.ofSeconds(5)).build().start(manifest));

      assertThat(e.reason()).isEqualTo(LaunchException.Reason.NOT_READY);
      assertThat(e.service()).isEqualTo("never");
      assertThat(e)
          .hasMessageContaining("Service 'never'")
          .hasMessageContaining("was not ready within 5 s")
          .hasMessageContaining("/health/ready answered 503")
          .hasMessageContaining("fake never pid");
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("says which java could not be run")
    void badJava() {
      LaunchException e =
          catchThrowableOfType(
              LaunchException.class,
              () ->
                  launcher()
                      .javaExecutable(Path.of("/no/such/java"))
                      .build()
                      .start(TestApps.fakes("nojava", "a")));

      assertThat(e.reason()).isEqualTo(LaunchException.Reason.INVALID);
      assertThat(e).hasMessageContaining("/no/such/java");
    }

    @Test
    @DisplayName("names a JVM flag that the JVM rejects, through the service's output")
    void badJvmFlag() {
      LaunchException e =
          catchThrowableOfType(
              LaunchException.class,
              () ->
                  launcher()
                      .jvmFlags(JvmFlags.defaults().with("-XX:+NoSuchFlag"))
                      .build()
                      .start(TestApps.fakes("badflag", "a")));

      assertThat(e.reason()).isEqualTo(LaunchException.Reason.EXITED);
      assertThat(String.join("\n", e.lastLines())).contains("NoSuchFlag");
      assertNoChildProcessLeft();
    }

    @Test
    @DisplayName("rejects a manifest without services or main classes before starting anything")
    void invalidManifest() {
      AppManifest empty = new AppManifest("empty", "x.Y", List.of(), "nothing");
      assertThatThrownBy(() -> launcher().build().start(empty))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining("app 'empty' has no service");

      AppManifest broken =
          AppManifest.of(
              "nomain",
              "x.Y",
              io.dyninka.manifest.ServiceManifest.builder("a").mainClass(null).build());
      assertThatThrownBy(() -> launcher().build().start(broken))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining("Service 'a' of app 'nomain' has no mainClass");
    }
  }

  @Test
  @DisplayName("reports a service that dies while the app runs")
  void unexpectedExit() throws Exception {
    try (RunningApp app = launcher().build().start(TestApps.fakes("dies", "a", "b"))) {
      ProcessHandle.of(app.pid("b")).orElseThrow().destroyForcibly();

      ServiceExit exit = app.unexpectedExit().get(30, TimeUnit.SECONDS);

      assertThat(exit.service()).isEqualTo("b");
      assertThat(exit.exitCode()).isEqualTo(137);
      assertThat(exit.lastLines()).anyMatch(line -> line.startsWith("fake b pid"));
      assertThat(app.isAlive()).isFalse();
    }
    assertNoChildProcessLeft();
  }

  @Test
  @DisplayName("starts again on new ports when another process took a port in the meantime")
  void portTakenInTheMeantime(@TempDir Path dir) {
    AppManifest manifest =
        TestApps.chain(
            "race", List.of("a", "b"), List.of(FakeService.class, FakeService.PortTakenOnce.class));

    try (RunningApp app =
        launcher()
            .environment(Map.of("FAKE_MARKER", dir.resolve("marker").toString()))
            .build()
            .start(manifest)) {
      assertThat(app.isAlive()).isTrue();
      assertThat(lines)
          .contains(
              "[b] java.net.BindException: Address already in use",
              "[dyninka] service 'b' found its port taken; starting again");
    }
    assertNoChildProcessLeft();
  }

  @Test
  @DisplayName("passes a very long class path through an argument file")
  void longClasspath() {
    List<Path> classpath = new ArrayList<>(LocalLauncher.currentClasspath());
    for (int i = 0; classpath.toString().length() < 2 * ClasspathArgument.INLINE_LIMIT; i++) {
      classpath.add(Path.of("/nonexistent/dir with space/padding-" + i + ".jar"));
    }
    try (RunningApp app =
        launcher().classpath(classpath).build().start(TestApps.fakes("long", "a"))) {
      assertThat(app.isAlive()).isTrue();
      assertThat(ProcessHandle.of(app.pid("a")).orElseThrow().info().arguments().orElseThrow())
          .anyMatch(argument -> argument.startsWith("@"));
    }
  }

  @Test
  @DisplayName("stops every service when the launching JVM is asked to stop (Ctrl-C)")
  void shutdownHookStopsServices() throws Exception {
    Process host =
        new ProcessBuilder(
                LocalLauncher.currentJava().toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LauncherHost.class.getName())
            .redirectErrorStream(true)
            .start();
    List<Long> pids = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream()))) {
      String line = "";
      while (line != null && !line.startsWith("host ready ")) {
        line = out.readLine();
      }
      assertThat(line).as("the host's output").isNotNull();
      for (String pid : line.substring("host ready ".length()).split(" ")) {
        pids.add(Long.parseLong(pid));
      }
      assertThat(pids).hasSize(2);

      host.destroy();
      assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      host.destroyForcibly();
    }
    pids.forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    assertNoChildProcessLeft();
  }

  private long findLong(Pattern pattern) {
    for (String line : lines) {
      Matcher matcher = pattern.matcher(line);
      if (matcher.matches()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    throw new AssertionError("no line matches " + pattern + " in " + lines);
  }

  private static String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
