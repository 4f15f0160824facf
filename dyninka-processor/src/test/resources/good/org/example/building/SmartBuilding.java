package org.example.building;

import io.dyninka.*;
import io.vertx.core.Future;
import java.util.Optional;

/** The paper's use case: a sensor, a filter, a map and a moving average. */
public class SmartBuilding {
  public record Reading(String sensor, String kind, double value) {}

  public record Average(double value, long count) {}

  @Placed("movingAvg") static double average;
  @Placed("movingAvg") static long count;

  @Service
  static Future<Reading> get() {
    return Future.succeededFuture(new Reading("s1", "temperature", 21.5));
  }

  @Service
  static Optional<Reading> filterTemperature(Reading r) {
    return "temperature".equals(r.kind()) ? Optional.of(r) : Optional.empty();
  }

  @Service
  static double map(Reading r) {
    return r.value();
  }

  @Service
  static Average movingAvg(double v) {
    count++;
    average += (v - average) / count;
    return new Average(average, count);
  }

  @Dataflow
  static Flow<Average> building() {
    return Flow.fromAsync(SmartBuilding::get)
        .thenOptional(SmartBuilding::filterTemperature)
        .then(SmartBuilding::map)
        .then(SmartBuilding::movingAvg);
  }
}
