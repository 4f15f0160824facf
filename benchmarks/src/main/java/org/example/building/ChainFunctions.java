package org.example.building;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The smart-building functions, opened to the baselines.
 *
 * <p>The {@code @Service} methods are package-private, as a user would write them; this class lives
 * in their package so that the hand-written and the gateway chains call exactly the code the
 * Dyninka services call, not a copy of it. The benchmark then compares the plumbing only.
 */
public final class ChainFunctions {

  private ChainFunctions() {}

  /** Pulls the next row from {@code SENSOR_URL}, on the Vert.x bound with {@code Dyninka.bind}. */
  public static Future<Reading> get() {
    return SmartBuilding.get();
  }

  public static Optional<Reading> filterTemperature(Reading reading) {
    return SmartBuilding.filterTemperature(reading);
  }

  public static double map(Reading reading) {
    return SmartBuilding.map(reading);
  }

  /** Not thread-safe, like the user's method: its caller must run one call at a time. */
  public static Average movingAvg(double value) {
    return SmartBuilding.movingAvg(value);
  }
}
