package io.dyninka.benchmarks.chain;

import io.dyninka.Dyninka;
import io.dyninka.benchmarks.client.BlockingHttp;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.example.building.SensorDataset;
import org.example.building.SensorRow;
import org.example.building.SensorServer;

/**
 * A sensor endpoint and a Vert.x for running a baseline chain in the test's JVM, so a test can
 * check that a baseline answers what the Dyninka chain answers.
 */
public final class ChainFixture implements AutoCloseable {

  /** The first rows of the data set: enough for temperatures and other variables. */
  public static final List<SensorRow> ROWS =
      SensorDataset.generate(SensorDataset.DEFAULT_SEED).subList(0, 60);

  /**
   * One Vert.x for every test of the JVM, never closed: the user's {@code get} keeps a static HTTP
   * client on the Vert.x it first saw (one JVM per service in production), so a closed one would
   * break every later test. The sensor and chains stay too; their ports are random.
   */
  private static final Vertx SHARED = Vertx.vertx();

  static {
    Dyninka.bind(SHARED);
  }

  public final Vertx vertx = SHARED;
  public final BlockingHttp http = new BlockingHttp(vertx);
  private final SensorServer sensor;

  public ChainFixture() {
    sensor = SensorServer.start(vertx, ROWS, ChainProcess.HOST, 0).await();
    System.setProperty("sensor.url", sensor.url());
  }

  /**
   * How many of the first {@code n} rows are temperatures: the answers that run all four functions.
   */
  public static long temperaturesIn(int n) {
    return ROWS.subList(0, n).stream()
        .filter(r -> SensorDataset.TEMPERATURE.equals(r.variable()))
        .count();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    System.clearProperty("sensor.url");
    http.close();
    // The chains stay deployed: the user's get client belongs to the verticle that first called
    // it, and undeploying that verticle would close it for the tests that follow.
  }
}
