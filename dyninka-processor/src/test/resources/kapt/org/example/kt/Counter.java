package org.example.kt;

/** kapt's stub of {@code class Counter} with a member function and a property, not an object. */
@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {""}, d2 = {"Lorg/example/kt/Counter;"})
public final class Counter {
  @io.dyninka.Placed(value = "next")
  private long total = 0L;

  public Counter() {
    super();
  }

  @io.dyninka.Service()
  public final long next(long step) {
    return 0L;
  }
}
