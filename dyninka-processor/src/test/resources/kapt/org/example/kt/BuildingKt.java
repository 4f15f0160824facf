package org.example.kt;

/**
 * kapt's stub of Building.kt: the paper's smart-building app as top-level and extension
 * functions, its chain given by {@code @Dataflow(steps)}.
 */
@kotlin.Metadata(mv = {2, 4, 0}, k = 2, xi = 48, d1 = {""}, d2 = {"get", "map", "building"})
public final class BuildingKt {
  @io.dyninka.Placed(value = "movingAvg")
  private static double average = 0.0;

  @io.dyninka.Placed(value = "movingAvg")
  private static long count = 0L;

  public static final double getAverage() {
    return 0.0;
  }

  public static final void setAverage(double p0) {}

  @io.dyninka.Service()
  public static final io.vertx.core.Future<org.example.kt.Reading> get() {
    return null;
  }

  @io.dyninka.Service()
  public static final java.util.Optional<org.example.kt.Reading> filterTemperature(
      org.example.kt.Reading $this$filterTemperature) {
    return null;
  }

  @io.dyninka.Service()
  public static final double map(org.example.kt.Reading $this$map) {
    return 0.0;
  }

  @io.dyninka.Service()
  public static final java.lang.Double movingAvg(double $this$movingAvg) {
    return null;
  }

  @io.dyninka.Dataflow(steps = {"get", "filterTemperature", "map", "movingAvg"})
  public static final io.dyninka.Flow<java.lang.Double> building() {
    return null;
  }
}
