package org.example.kt;

/** kapt's stub of {@code data class Reading(val variable: String, val value: Double)}. */
@kotlin.Metadata(mv = {2, 4, 0}, k = 1, xi = 48, d1 = {""}, d2 = {"Lorg/example/kt/Reading;"})
public final class Reading {
  private final java.lang.String variable = null;
  private final double value = 0.0;

  public Reading(java.lang.String variable, double value) {
    super();
  }

  public final java.lang.String getVariable() {
    return null;
  }

  public final double getValue() {
    return 0.0;
  }
}
