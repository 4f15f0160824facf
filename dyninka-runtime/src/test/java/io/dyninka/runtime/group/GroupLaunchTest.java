package io.dyninka.runtime.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.ServiceHost;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A group of services")
class GroupLaunchTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> timingNames(HttpResponse<String> answer) {
    List<String> names = new ArrayList<>();
    for (String entry : answer.headers().firstValue("Server-Timing").orElse("").split(", ")) {
      names.add(entry.split(";")[0]);
    }
    return names;
  }

  @Nested
  @DisplayName("launched by the local launcher")
  class Launched {

    @Test
    @DisplayName(
        "runs one JVM per group, each member on its own port, and answers as the split app does")
    void oneJvmPerGroup() throws Exception {
      AppManifest manifest = ServiceHost.loadManifest("grouped");
      List<String> lines = new CopyOnWriteArrayList<>();
      LocalLauncher launcher = LocalLauncher.builder().logSink(lines::add).build();
      HttpResponse<String> split;
      try (RunningApp app = launcher.start(manifest)) {
        split = get(app.entryUrl());
      }
      try (RunningApp app = launcher.start(manifest, Placement.parse("head+twice", manifest))) {
        HttpResponse<String> grouped = get(app.entryUrl());

        assertThat(grouped.statusCode()).isEqualTo(split.statusCode()).isEqualTo(200);
        assertThat(grouped.body()).isEqualTo(split.body()).isEqualTo("3");
        assertThat(timingNames(grouped))
            .isEqualTo(timingNames(split))
            .containsExactly("head", "twice", "tail");
        assertThat(app.pid("head")).isEqualTo(app.pid("twice")).isNotEqualTo(app.pid("tail"));
        assertThat(app.service("head").port()).isNotEqualTo(app.service("twice").port());
        assertThat(app.groupOf("twice")).isEqualTo("head+twice");
        assertThat(app.groupOf("tail")).isEqualTo("tail");
        for (String member : List.of("head", "twice", "tail")) {
          assertThat(get(app.url(member).resolve("/health/ready")).statusCode()).isEqualTo(200);
          assertThat(get(app.url(member).resolve("/dyninka/manifest")).body())
              .contains("\"app\":\"grouped\"");
        }
        // A member is still reached on its own, over HTTP, as the rest of the app reaches it.
        assertThat(get(app.url("twice").resolve("/")).body()).isEqualTo("2");
        assertThat(app.table())
            .contains("GROUP")
            .containsPattern(
                "twice +http://127\\.0\\.0\\.1:\\d+ +" + app.pid("head") + " +head\\+twice");
      }
      assertThat(ProcessHandle.current().descendants()).isEmpty();
    }
  }

  @Nested
  @DisplayName("started by a service's own main, as a member's image entrypoint starts it")
  class FromAServiceMain {

    @Test
    @DisplayName(
        "hosts the whole group named by DYNINKA_GROUP, each member on its DYNINKA_PORTS port")
    void hostsTheGroup() throws Exception {
      List<Integer> ports = freePorts(3);
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  GroupedApp.Head.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put(GroupMain.GROUP_ENV, "all");
      builder
          .environment()
          .put(
              MemberPorts.ENV,
              "head=" + ports.get(0) + ",twice=" + ports.get(1) + ",tail=" + ports.get(2));
      builder.environment().remove("PORT");
      Process group = builder.start();
      try {
        URI tail = URI.create("http://127.0.0.1:" + ports.get(2) + "/");
        awaitReady(tail.resolve("/health/ready"), group);

        HttpResponse<String> answer = get(tail);
        assertThat(answer.body()).isEqualTo("3");
        assertThat(timingNames(answer)).containsExactly("head", "twice", "tail");
        assertThat(get(URI.create("http://127.0.0.1:" + ports.get(1) + "/")).body()).isEqualTo("2");
      } finally {
        group.destroy();
        group.waitFor();
      }
    }

    private static void awaitReady(URI ready, Process process) throws Exception {
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until) {
        assertThat(process.isAlive()).as("the group process is running").isTrue();
        try {
          if (get(ready).statusCode() == 200) {
            return;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      throw new AssertionError("the group never got ready at " + ready);
    }

    private static List<Integer> freePorts(int count) throws Exception {
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          sockets.add(new ServerSocket(0));
        }
        return sockets.stream().map(ServerSocket::getLocalPort).toList();
      } finally {
        for (ServerSocket socket : sockets) {
          socket.close();
        }
      }
    }
  }

  @Nested
  @DisplayName("refuses to start")
  class Refused {

    @Test
    @DisplayName("without a port for every member, naming the one left out")
    void missingPort() {
      assertThatThrownBy(() -> MemberPorts.parse("head=8081", List.of("head", "twice")))
          .hasMessage(
              "DYNINKA_PORTS=head=8081 gives no port to [twice]; as in"
                  + " DYNINKA_PORTS=head=8081,twice=8082");
      assertThatThrownBy(() -> MemberPorts.parse("head=80x", List.of("head")))
          .hasMessageContaining("'head=80x' has no port from 0 to 65535");
      assertThatThrownBy(() -> MemberPorts.parse("tail=1", List.of("head")))
          .hasMessageContaining("names 'tail', which is not a member of [head]");
    }

    @Test
    @DisplayName("a group that names no service of the app, or several groups")
    void badGroup() throws Exception {
      AppManifest manifest = ServiceHost.loadManifest("grouped");
      assertThatThrownBy(() -> GroupMain.members("head+twise", manifest))
          .hasMessageContaining("'twise' is not a service of app grouped (did you mean 'twice'?)");
      assertThatThrownBy(() -> GroupMain.members("head,twice", manifest))
          .hasMessageContaining("names several groups");
      assertThat(GroupMain.members("all", manifest)).containsExactly("head", "twice", "tail");
    }

    @Test
    @DisplayName("a class that is not a generated service, naming the service and the class")
    void notAServiceClass() {
      var service =
          io.dyninka.manifest.ServiceManifest.builder("odd").mainClass("java.lang.String").build();
      assertThatThrownBy(() -> GeneratedServices.load(service, getClass().getClassLoader()))
          .hasMessageStartingWith("service 'odd': java.lang.String is not a generated service");
    }
  }
}
