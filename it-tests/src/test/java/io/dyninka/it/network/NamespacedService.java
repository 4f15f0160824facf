package io.dyninka.it.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM started with {@code ip netns exec} in its own namespace, its output echoed to the
 * test log with the service's name. {@code ip netns exec} execs the command, so the process is the
 * JVM itself and its pid is the service's.
 */
final class NamespacedService implements AutoCloseable {

  private final String name;
  private final URI url;
  private final Process process;

  private NamespacedService(String name, URI url, Process process) {
    this.name = name;
    this.url = url;
    this.process = process;
  }

  static NamespacedService start(
      String name, URI url, List<String> command, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    Thread pump = new Thread(() -> echo(name, process), "log-" + name);
    pump.setDaemon(true);
    pump.start();
    return new NamespacedService(name, url, process);
  }

  private static void echo(String name, Process process) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println("[" + name + "] " + line);
      }
    } catch (IOException e) {
      // The stream closes when the process is destroyed.
    }
  }

  /** Waits until {@code GET /health/ready} answers 200, failing if the JVM exits or takes long. */
  void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(url.resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "service " + name + " exited with " + process.exitValue() + " before it was ready");
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("service " + name + " not ready at " + url + " in " + timeout);
  }

  String name() {
    return name;
  }

  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the JVM as a platform stops a container: SIGTERM, then SIGKILL after a grace. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
