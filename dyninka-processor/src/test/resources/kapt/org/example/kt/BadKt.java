package org.example.kt;

/** kapt's stub of Bad.kt: top-level functions that cannot be services. */
@kotlin.Metadata(mv = {2, 4, 0}, k = 2, xi = 48, d1 = {""}, d2 = {"hidden", "fetch", "spin"})
public final class BadKt {
  @io.dyninka.Service()
  private static final int hidden() {
    return 0;
  }

  @io.dyninka.Service()
  public static final java.lang.Object fetch(
      int id, kotlin.coroutines.Continuation<? super java.lang.String> $completion) {
    return null;
  }

  @io.dyninka.Service()
  public static final int spin(java.lang.Thread $this$spin) {
    return 0;
  }
}
