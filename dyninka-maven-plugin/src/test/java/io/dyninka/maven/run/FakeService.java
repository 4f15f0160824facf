package io.dyninka.maven.run;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/** Stands in for a generated service in {@code dyninka:run} tests: it is ready at once. */
public class FakeService {

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = ("hello " + System.getenv("GREETING")).getBytes();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("fake service up on " + port);
  }

  /** A service that logs through java.util.logging, as Vert.x does: a warning, an error. */
  public static class Logging {
    public static void main(String[] args) throws IOException {
      java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.example.Orders");
      log.log(
          java.util.logging.Level.WARNING,
          "request failed",
          new IllegalStateException("no stock", new java.io.IOException("disk")));
      log.severe("store unreachable");
      FakeService.main(args);
    }
  }

  /** A service whose configuration is broken. */
  public static class Crashing {
    public static void main(String[] args) {
      System.err.println("no configuration");
      System.exit(2);
    }
  }
}
