package io.dyninka.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sensor endpoint's JVM: started once, shared by the three systems, stopped at the end. */
final class SensorProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI url;

  private SensorProcess(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  static SensorProcess start(Path java, List<String> jvmFlags, String classpath, Path log) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classpath);
    command.add(SensorMain.class.getName());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PORT", Integer.toString(port));
    try {
      SensorProcess sensor =
          new SensorProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"));
      sensor.awaitReady();
      return sensor;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sensor endpoint with " + java, e);
    }
  }

  /** Polls {@code GET /} until it answers 200 (that consumes a row, which no system notices). */
  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the sensor endpoint exited with " + process.exitValue() + "; see its log");
      }
      try {
        if (client
                .send(
                    HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(100);
    }
    close();
    throw new IllegalStateException(
        "the sensor endpoint was not ready within " + READY_TIMEOUT.toSeconds() + " s");
  }

  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
