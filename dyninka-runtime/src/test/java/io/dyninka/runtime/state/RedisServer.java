package io.dyninka.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for a test: Debian's {@code redis-server} on a free loopback port, with its
 * files in a temporary directory and every write fsynced to its append-only file, so that a stop
 * and a start keep what was committed. Without {@code redis-server} on the PATH the test fails.
 */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final List<String> options;
  private Process process;

  private RedisServer(int port, Path dir, List<String> options) {
    this.port = port;
    this.dir = dir;
    this.options = options;
  }

  /** Starts a server with {@code options} added to its command line, such as a password. */
  public static RedisServer start(String... options) throws Exception {
    RedisServer server =
        new RedisServer(freePort(), Files.createTempDirectory("dyninka-redis"), List.of(options));
    server.startAgain();
    return server;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** {@code redis://127.0.0.1:<port>}, for {@code DYNINKA_STATE_STORE}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again, on the same port and files). */
  public void startAgain() throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--daemonize",
                "no"));
    command.addAll(options);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the state tests need Debian's redis-server on the PATH (apt-get install redis-server;"
              + " scripts/test-setup.sh installs it): "
              + e.getMessage(),
          e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited: " + Files.readString(dir.resolve("redis.log")));
      }
      String pong = answers("PING");
      if (pong.startsWith("+PONG") || pong.startsWith("-NOAUTH")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("redis-server not answering on port " + port + " in 20 s");
  }

  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as a slow store. */
  public void freeze() throws Exception {
    signal("STOP");
  }

  public void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    int code =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    if (code != 0) {
      throw new IllegalStateException("kill -" + name + " of redis-server failed: " + code);
    }
  }

  /** Stops the server, as a crash of the store would (SIGKILL). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** One inline command's first reply line, or "" when the server does not answer. */
  public String answers(String command) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      kill();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
