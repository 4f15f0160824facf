package io.dyninka.runtime.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a generated service in launcher tests: a real process that reads {@code PORT} and
 * {@code DYNINKA_PEERS} like one. It learns its own name from the peer that has its port. Nested
 * classes misbehave in the ways the launcher must handle.
 */
public class FakeService {

  public static void main(String[] args) throws IOException {
    serve(200);
  }

  static HttpServer serve(int readyStatus) throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    String peers = System.getenv("DYNINKA_PEERS");
    String name = ownName(peers, port);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/health/ready", exchange -> answer(exchange, readyStatus, "ready"));
    server.createContext("/peers", exchange -> answer(exchange, 200, peers));
    server.createContext(
        "/env/", exchange -> answer(exchange, 200, System.getenv(lastSegment(exchange))));
    server.createContext("/", exchange -> answer(exchange, 200, "hello from " + name));
    server.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.out.println("fake " + name + " stopping")));
    System.out.println("fake " + name + " pid " + ProcessHandle.current().pid() + " on " + port);
    System.err.println("fake " + name + " says hello on stderr");
    return server;
  }

  private static String ownName(String peers, int port) {
    return Arrays.stream(peers.split(","))
        .filter(peer -> peer.endsWith(":" + port))
        .map(peer -> peer.substring(0, peer.indexOf('=')))
        .findFirst()
        .orElseThrow();
  }

  private static String lastSegment(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = String.valueOf(body).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Prints a little, then fails the way a service with a bad configuration does. */
  public static class Crashing {
    public static void main(String[] args) {
      System.out.println("crashing service reads its configuration");
      System.err.println("boom: no configuration");
      System.exit(3);
    }
  }

  /**
   * Fails as if another process had taken its port, the first time only: it leaves the file named
   * by {@code FAKE_MARKER} behind.
   */
  public static class PortTakenOnce {
    public static void main(String[] args) throws IOException {
      java.nio.file.Path marker = java.nio.file.Path.of(System.getenv("FAKE_MARKER"));
      if (!java.nio.file.Files.exists(marker)) {
        java.nio.file.Files.createFile(marker);
        System.err.println("java.net.BindException: Address already in use");
        System.exit(1);
      }
      serve(200);
    }
  }

  /** Listens, but never becomes ready. */
  public static class NeverReady {
    public static void main(String[] args) throws IOException {
      serve(503);
    }
  }

  /** Starts a child process of its own, which must not outlive the app. */
  public static class Spawning {
    public static void main(String[] args) throws IOException {
      Process child = new ProcessBuilder("sleep", "600").inheritIO().start();
      System.out.println("child pid " + child.pid());
      serve(200);
    }
  }

  /** Takes its time over SIGTERM, so that only SIGKILL stops it in time. */
  public static class Stubborn {
    public static void main(String[] args) throws IOException {
      Runtime.getRuntime().addShutdownHook(new Thread(Stubborn::sleepLong));
      serve(200);
    }

    private static void sleepLong() {
      try {
        TimeUnit.MINUTES.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
