package io.dyninka.runtime.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One test service in a JVM of its own, on a loopback port, that a test can stop, kill and restart.
 */
final class ServiceJvm implements AutoCloseable {

  private final String app;
  private final String service;
  private final int port;
  private final Map<String, String> env;
  private final List<String> jvmFlags;
  private Process process;

  ServiceJvm(String app, String service, int port, Map<String, String> env, String... jvmFlags) {
    this.app = app;
    this.service = service;
    this.port = port;
    this.env = env;
    this.jvmFlags = List.of(jvmFlags);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  ServiceJvm start() throws Exception {
    process = builder().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    awaitReady();
    return this;
  }

  /**
   * Starts the JVM with its output in {@code log}, ready when it says it listens: for a service
   * whose health checks a plain client cannot reach (one that speaks TLS).
   */
  ServiceJvm startLogging(Path log) throws Exception {
    process = builder().redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            service + " exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      if (Files.readString(log).contains("listening on port")) {
        return this;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(service + " not listening within 60 s");
  }

  /** What a JVM that stopped by itself said, and its exit code. */
  record Exit(int code, String output) {}

  /** Starts the JVM expecting it to stop by itself, as a service whose start fails does. */
  Exit runToExit() throws Exception {
    process = builder().start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(service + " still running after 60 s");
    }
    return new Exit(process.exitValue(), output);
  }

  private ProcessBuilder builder() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChaosServices.class.getName());
    command.add(app);
    command.add(service);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("DYNINKA_HOST", "127.0.0.1");
    builder.environment().putAll(env);
    return builder;
  }

  private void awaitReady() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(service + " exited with " + process.exitValue());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(service + " not ready within 60 s");
  }

  /** SIGTERM, as an orchestrator stops a replica, and waits for the JVM to exit. */
  int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  /** SIGKILL: the JVM dies with its requests in flight. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
