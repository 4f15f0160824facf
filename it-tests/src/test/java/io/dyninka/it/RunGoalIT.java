package io.dyninka.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code mvn dyninka:run} on a user project, stopped the way a user stops it: Ctrl-C. */
@DisplayName("mvn dyninka:run")
class RunGoalIT {

  private static final Pattern ROW =
      Pattern.compile("(\\w+)( \\(entry\\))?\\s+(https?://127\\.0\\.0\\.1:\\d+)\\s+(\\d+)\\s*$");

  private static final String ORDER =
      "{\"id\":\"r1\",\"quantity\":3,\"unitPrice\":2,\"country\":\"FR\"}";

  @Test
  @DisplayName(
      "starts every service, prints the table, answers through the entry URL, and Ctrl-C leaves no process")
  void runsAndStopsCleanly() throws Exception {
    try (RunningGoal run = RunningGoal.start(new UserProject("orders"))) {
      HttpResponse<String> answer = post(HttpClient.newHttpClient(), run.entryUrl());
      assertThat(answer.statusCode()).as(run.output()).isEqualTo(200);
      assertThat(answer.body()).contains("\"total\":7.2");
      assertThat(run.urls).hasSize(5);
      assertThat(run.output).anyMatch(line -> line.contains("[invoice] "));

      run.stopWithCtrlC();
    }
  }

  @Test
  @DisplayName(
      "-Ddyninka.tls=true: the services speak mutual TLS with certificates of a new CA, the sink"
          + " answers over TLS with its CA, and a client without a certificate of the app is refused")
  void mutualTls() throws Exception {
    UserProject project = new UserProject("orders");
    try (RunningGoal run =
        RunningGoal.start(project, "-Ddyninka.tls=true", "-Ddyninka.sinkTls=tls")) {
      assertThat(run.urls.values()).allMatch(url -> url.startsWith("https://"));
      assertThat(run.output).anyMatch(line -> line.contains("Entry: curl --cacert "));
      Path ca = project.dir.resolve("target/dyninka/tls/ca.crt");
      HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(ca)).build();

      HttpResponse<String> answer = post(trusting, run.entryUrl());
      assertThat(answer.statusCode()).as(run.output()).isEqualTo(200);
      assertThat(answer.body()).contains("\"total\":7.2");
      // An inner service takes pulls only from its callers' certificates: none here.
      String inner =
          run.urls.entrySet().stream()
              .filter(e -> !e.getValue().equals(run.entry))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow();
      assertThatThrownBy(() -> trusting.send(get(inner), HttpResponse.BodyHandlers.ofString()))
          .as("a pull without a client certificate")
          .isInstanceOf(IOException.class);
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(get(run.entryUrl()), HttpResponse.BodyHandlers.ofString()))
          .as("a client that does not trust the app's CA")
          .isInstanceOf(SSLException.class);

      run.stopWithCtrlC();
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
  }

  private static HttpResponse<String> post(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(ORDER))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A TLS context that trusts the certificates of {@code ca} and presents none. */
  private static SSLContext trusting(Path ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream pem = Files.newInputStream(ca)) {
      trust.setCertificateEntry(
          "app-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    return context;
  }

  /** {@code mvn dyninka:run} in a project, its output read line by line as it comes. */
  private static final class RunningGoal implements AutoCloseable {
    final Process maven;
    final List<String> output = new CopyOnWriteArrayList<>();
    final Map<String, String> urls = new ConcurrentHashMap<>();
    final Map<String, Long> pids = new ConcurrentHashMap<>();
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final Thread reader;
    volatile String entry;

    private RunningGoal(Process maven) {
      this.maven = maven;
      this.reader = new Thread(this::read);
      reader.start();
    }

    static RunningGoal start(UserProject project, String... properties) throws Exception {
      Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
      List<String> command =
          new java.util.ArrayList<>(List.of(mvn.toString(), "-B", "-o", "dyninka:run"));
      command.addAll(List.of(properties));
      RunningGoal run =
          new RunningGoal(
              new ProcessBuilder(command)
                  .directory(project.dir.toFile())
                  .redirectErrorStream(true)
                  .start());
      run.ready.get(180, TimeUnit.SECONDS);
      return run;
    }

    String entryUrl() {
      return entry + "/";
    }

    String output() {
      return String.join("\n", output);
    }

    /** What a user's Ctrl-C does: Maven exits, and so does every service it started. */
    void stopWithCtrlC() throws Exception {
      new ProcessBuilder("kill", "-INT", Long.toString(maven.pid())).start().waitFor();
      assertThat(maven.waitFor(60, TimeUnit.SECONDS)).as("maven exits after Ctrl-C").isTrue();
      for (long pid : pids.values()) {
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
            .as("service pid %d", pid)
            .isEmpty();
      }
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          output.add(line);
          Matcher row = ROW.matcher(line);
          if (row.find()) {
            urls.put(row.group(1), row.group(3));
            pids.put(row.group(1), Long.parseLong(row.group(4)));
            if (row.group(2) != null) {
              entry = row.group(3);
            }
          }
          if (line.contains("Entry") && entry != null) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(
            new AssertionError("dyninka:run ended before it was ready:\n" + output()));
      } catch (Exception e) {
        ready.completeExceptionally(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      maven.destroyForcibly();
      reader.join(10_000);
    }
  }
}
