package io.dyninka.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code mvn dyninka:run} on a user project, stopped the way a user stops it: Ctrl-C. */
@DisplayName("mvn dyninka:run")
class RunGoalIT {

  private static final Pattern ROW =
      Pattern.compile("(\\w+)(?: \\(entry\\))?\\s+(http://127\\.0\\.0\\.1:\\d+)\\s+(\\d+)\\s*$");

  @Test
  @DisplayName(
      "starts every service, prints the table, answers through the entry URL, and Ctrl-C leaves no process")
  void runsAndStopsCleanly() throws Exception {
    UserProject project = new UserProject("orders");
    Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
    Process maven =
        new ProcessBuilder(mvn.toString(), "-B", "-o", "dyninka:run")
            .directory(project.dir.toFile())
            .redirectErrorStream(true)
            .start();
    List<String> output = new CopyOnWriteArrayList<>();
    List<Long> pids = new CopyOnWriteArrayList<>();
    CompletableFuture<String> entry = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(maven, output, pids, entry));
    reader.start();
    try {
      String url = entry.get(180, TimeUnit.SECONDS);
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"id\":\"r1\",\"quantity\":3,\"unitPrice\":2,\"country\":\"FR\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(String.join("\n", output)).isEqualTo(200);
      assertThat(answer.body()).contains("\"total\":7.2");
      assertThat(pids).hasSize(5);
      assertThat(output).anyMatch(line -> line.contains("[invoice] "));

      new ProcessBuilder("kill", "-INT", Long.toString(maven.pid())).start().waitFor();
      assertThat(maven.waitFor(60, TimeUnit.SECONDS)).as("maven exits after Ctrl-C").isTrue();
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
            .as("service pid %d", pid)
            .isEmpty();
      }
    } finally {
      maven.destroyForcibly();
      reader.join(10_000);
    }
  }

  private static void read(
      Process maven, List<String> output, List<Long> pids, CompletableFuture<String> entry) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> urls = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher row = ROW.matcher(line);
        if (row.find()) {
          pids.add(Long.parseLong(row.group(3)));
          if (line.contains("(entry)")) {
            urls.add(row.group(2) + "/");
          }
        }
        if (line.contains("Entry") && !urls.isEmpty()) {
          entry.complete(urls.get(0));
        }
      }
      entry.completeExceptionally(
          new AssertionError(
              "dyninka:run ended before it was ready:\n" + String.join("\n", output)));
    } catch (Exception e) {
      entry.completeExceptionally(e);
    }
  }
}
