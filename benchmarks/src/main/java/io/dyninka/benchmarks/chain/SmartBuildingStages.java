package io.dyninka.benchmarks.chain;

import io.vertx.core.Future;
import java.util.List;
import org.example.building.ChainFunctions;

/** The four smart-building functions as baseline stages: the user's code, hand-written JSON. */
public final class SmartBuildingStages {

  public static final Stage GET =
      new Stage("get", false, input -> ChainFunctions.get().map(ChainJson::encode));

  public static final Stage FILTER_TEMPERATURE =
      new Stage(
          "filterTemperature",
          false,
          input ->
              Future.succeededFuture(
                  ChainFunctions.filterTemperature(ChainJson.decodeReading(input))
                      .map(ChainJson::encode)
                      .orElse(null)));

  public static final Stage MAP =
      new Stage(
          "map",
          false,
          input ->
              Future.succeededFuture(
                  ChainJson.encode(ChainFunctions.map(ChainJson.decodeReading(input)))));

  /** Keeps the running mean, so it is stateful: one instance, like Dyninka's movingAvg service. */
  public static final Stage MOVING_AVG =
      new Stage(
          "movingAvg",
          true,
          input ->
              Future.succeededFuture(
                  ChainJson.encode(ChainFunctions.movingAvg(ChainJson.decodeDouble(input)))));

  /** Head first, like the Dyninka manifest. */
  public static final List<Stage> CHAIN = List.of(GET, FILTER_TEMPERATURE, MAP, MOVING_AVG);

  private SmartBuildingStages() {}
}
