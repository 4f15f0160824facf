package io.dyninka.benchmarks.run;

import io.vertx.core.Vertx;
import org.example.building.SensorDataset;
import org.example.building.SensorServer;

/**
 * The sensor endpoint every system's {@code get} pulls from: the example's own {@link SensorServer}
 * over its deterministic data set, in its own JVM, bound to loopback on {@code PORT}.
 */
public final class SensorMain {

  private SensorMain() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
    Vertx vertx = Vertx.vertx();
    try {
      SensorServer sensor =
          SensorServer.start(
                  vertx, SensorDataset.generate(SensorDataset.DEFAULT_SEED), "127.0.0.1", port)
              .await();
      System.out.println("sensor endpoint on " + sensor.url());
    } catch (RuntimeException e) {
      System.err.println("sensor endpoint cannot start on port " + port + ": " + e.getMessage());
      vertx.close();
      System.exit(1);
    }
  }
}
