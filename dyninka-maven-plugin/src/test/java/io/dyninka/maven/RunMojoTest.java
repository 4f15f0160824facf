package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.run.FakeService;
import io.dyninka.maven.run.GroupedServices;
import io.dyninka.maven.run.SampleOrder;
import io.dyninka.maven.testing.Manifests;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the goal on real processes: the services are {@link FakeService}s on the test class path.
 */
class RunMojoTest {

  @TempDir Path dir;
  private final CapturingLog log = new CapturingLog();

  /** The Mojo, with the test class path standing in for the project's runtime class path. */
  private RunMojo mojo(List<String> names, List<Class<?>> mains) throws Exception {
    RunMojo mojo =
        new RunMojo() {
          @Override
          List<Path> classpath() {
            // the project's classes hold its manifest, as target/classes does
            return Stream.concat(
                    Stream.of(classesDirectory.toPath()),
                    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(Path::of))
                .toList();
          }
        };
    mojo.classesDirectory =
        Manifests.write(dir.resolve("classes"), Manifests.chain("shop", names, mains)).toFile();
    mojo.defaultJvmFlags = true;
    mojo.readinessTimeout = 60;
    mojo.setLog(log);
    return mojo;
  }

  @Test
  @DisplayName(
      "starts the services, prints the table and the entry URL, and stops after the duration")
  void runsForDuration() throws Exception {
    RunMojo mojo = mojo(List.of("get", "sum"), List.of(FakeService.class, FakeService.class));
    mojo.duration = 1;
    mojo.environment = Map.of("GREETING", "world");

    mojo.execute();

    assertThat(log.infos).anyMatch(line -> line.matches("SERVICE\\s+URL\\s+PID"));
    assertThat(log.infos)
        .anyMatch(line -> line.matches("get\\s+http://127\\.0\\.0\\.1:\\d+\\s+\\d+"));
    assertThat(log.infos)
        .anyMatch(line -> line.matches("Entry: curl http://127\\.0\\.0\\.1:\\d+/"));
    assertThat(log.infos).anyMatch(line -> line.startsWith("[sum] fake service up on "));
    assertThat(log.infos).contains("Stopped 2 services of app shop.");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName(
      "a head that reads the body gets a POST of its type's skeleton; JUL records at their level,"
          + " one line each, traces at debug; Ctrl-C stops the services and says so")
  void bodyHeadLogLevelsAndCtrlC() throws Exception {
    RunMojo mojo = mojo(List.of("order"), List.of(FakeService.Logging.class));
    AppManifest app =
        new AppManifest(
            "shop",
            "org.example.App",
            List.of(
                ServiceManifest.builder("order")
                    .kubeName("order")
                    .mainClass(FakeService.Logging.class.getName())
                    .bodyInput(SampleOrder.class.getName())
                    .build()),
            "order");
    mojo.classesDirectory = Manifests.write(dir.resolve("body"), app).toFile();
    mojo.duration = 0;
    Thread running = new Thread(() -> assertThatCode(mojo::execute).doesNotThrowAnyException());
    running.start();
    while (log.infos.stream().noneMatch(l -> l.startsWith("Press Ctrl-C"))) {
      assertThat(running.isAlive()).as("the goal still runs").isTrue();
      Thread.sleep(50);
    }

    mojo.shutdownHook.run(); // what the JVM runs on Ctrl-C
    running.join();

    assertThat(log.infos)
        .anyMatch(
            line ->
                line.matches(
                    "Entry: curl http://127\\.0\\.0\\.1:\\d+/ -H 'Content-Type: application/json'"
                        + " -d '\\{\"item\":\"\",\"quantity\":0,\"express\":false,\"size\":\"SMALL\","
                        + "\"tags\":\\[\"\"\\]\\}'"));
    assertThat(log.warnings).containsExactly("[order] WARNING org.example.Orders: request failed");
    assertThat(log.errors).containsExactly("[order] SEVERE org.example.Orders: store unreachable");
    assertThat(log.debugs)
        .contains("[order] java.lang.IllegalStateException: no stock")
        .anyMatch(l -> l.startsWith("[order] \tat "))
        .anyMatch(l -> l.startsWith("[order] Caused by: java.io.IOException: disk"));
    assertThat(log.infos).noneMatch(l -> l.contains("\tat ") || l.contains("Exception"));
    assertThat(log.infos).contains("Stopped 1 service of app shop.");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName(
      "fails naming the service that exited and the settings to look at, leaving no process")
  void failingService() throws Exception {
    RunMojo mojo =
        mojo(List.of("get", "bad"), List.of(FakeService.class, FakeService.Crashing.class));
    mojo.duration = 1;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Service 'bad' exited with code 2 before it was ready.")
        .hasMessageContaining("no configuration")
        .hasMessageContaining("dyninka.run.jvmFlags");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName("rejects a bad setting before starting anything")
  void badSetting() throws Exception {
    RunMojo mojo = mojo(List.of("get"), List.of(FakeService.class));
    mojo.readinessTimeout = 0;

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "dyninka.run.readinessTimeout must be a positive number of seconds");
    assertThat(log.infos).isEmpty();
  }

  @Test
  @DisplayName("dyninka.replicas: starts each replica as a JVM of its own, listed in the table")
  void replicas() throws Exception {
    RunMojo mojo = mojo(List.of("get", "sum"), List.of(FakeService.class, FakeService.class));
    mojo.duration = 1;
    mojo.replicas = "get=3";

    mojo.execute();

    for (String name : List.of("get", "get#2", "get#3", "sum \\(entry\\)")) {
      assertThat(log.infos)
          .as(name)
          .anyMatch(line -> line.matches(name + "\\s+http://127\\.0\\.0\\.1:\\d+\\s+\\d+"));
    }
    assertThat(log.infos).noneMatch(line -> line.startsWith("sum#2"));
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName(
      "dyninka.replicas of a stateful service without a store fails before anything starts")
  void replicasOfStatefulWithoutStore() throws Exception {
    RunMojo mojo = mojo(List.of("get", "sum"), List.of(FakeService.class, FakeService.class));
    AppManifest stateful =
        new AppManifest(
            "shop",
            "org.example.App",
            List.of(
                ServiceManifest.builder("get")
                    .kubeName("get")
                    .mainClass(FakeService.class.getName())
                    .build(),
                ServiceManifest.builder("sum")
                    .kubeName("sum")
                    .mainClass(FakeService.class.getName())
                    .input("get", "java.lang.String")
                    .placed("org.example.App#total")
                    .build()),
            "sum");
    Manifests.write(dir.resolve("classes"), stateful);
    mojo.duration = 1;
    mojo.replicas = "sum=2";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("dyninka.replicas asks for 2 replicas of 'sum', which has placed")
        .hasMessageContaining("-Ddyninka.stateStore=redis://");
    assertThat(log.infos).noneMatch(line -> line.startsWith("Starting"));
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName("dyninka.colocate: a bad grouping fails naming every problem before anything starts")
  void badGrouping() throws Exception {
    RunMojo mojo = mojo(List.of("get", "sum"), List.of(FakeService.class, FakeService.class));
    mojo.duration = 1;
    mojo.colocate = "get+sun,get";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("-Ddyninka.colocate=get+sun,get cannot be placed:")
        .hasMessageContaining("'sun' is not a service of app shop (did you mean 'sum'?)")
        .hasMessageContaining("service 'get' is in two groups: 'get+sun' and 'get'");
    assertThat(log.infos).isEmpty();
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  @Test
  @DisplayName(
      "dyninka.colocate: the members of a group share one JVM, the table shows the groups, and"
          + " a service named in no group is noted")
  void grouping() throws Exception {
    RunMojo mojo =
        mojo(
            List.of("head", "twice", "get"),
            List.of(GroupedServices.Head.class, GroupedServices.Twice.class, FakeService.class));
    mojo.duration = 1;
    mojo.colocate = "head+twice";

    mojo.execute();

    assertThat(log.infos)
        .contains("service 'get' is in no group of 'head+twice': it runs on its own")
        .contains("Starting 3 services of app shop in 2 processes (head+twice,get)")
        .anyMatch(line -> line.matches("SERVICE\\s+URL\\s+PID\\s+GROUP"));
    String headPid = pidOf("head");
    assertThat(pidOf("twice")).isEqualTo(headPid);
    assertThat(pidOf("get")).isNotEqualTo(headPid);
    assertThat(log.infos)
        .anyMatch(
            line -> line.matches("twice\\s+http://127\\.0\\.0\\.1:\\d+\\s+\\d+\\s+head\\+twice"));
    assertThat(log.infos).contains("Stopped 3 services of app shop.");
    assertThat(ProcessHandle.current().descendants()).isEmpty();
  }

  /** The pid the table shows for {@code service}. */
  private String pidOf(String service) {
    return log.infos.stream()
        .filter(line -> line.matches(service + "(\\s+\\(entry\\))?\\s+http://\\S+\\s+\\d+.*"))
        .findFirst()
        .orElseThrow()
        .replaceFirst(service + "(\\s+\\(entry\\))?\\s+http://\\S+\\s+", "")
        .split("\\s+")[0];
  }
}
