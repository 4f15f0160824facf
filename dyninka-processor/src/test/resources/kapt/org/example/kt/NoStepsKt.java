package org.example.kt;

/** kapt's stub of NoSteps.kt, whose @Dataflow function has its chain in its body only. */
@kotlin.Metadata(mv = {2, 4, 0}, k = 2, xi = 48, d1 = {""}, d2 = {"tick", "ticks"})
public final class NoStepsKt {
  @io.dyninka.Service()
  public static final int tick() {
    return 0;
  }

  @io.dyninka.Service()
  public static final int twice(int $this$twice) {
    return 0;
  }

  @io.dyninka.Dataflow()
  public static final io.dyninka.Flow<java.lang.Integer> ticks() {
    return null;
  }
}
