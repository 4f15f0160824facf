package org.example.building;

import io.dyninka.Flow;

/**
 * The Java example's flow, the reference the Kotlin example is held to. It lives in the Java
 * example's package because {@code SmartBuilding.building()} and its placed state are
 * package-private there.
 */
public final class JavaSmartBuilding {

  private JavaSmartBuilding() {}

  /** The Java app's chain, its moving average started afresh. */
  public static Flow<Average> freshFlow() {
    SmartBuilding.average = 0;
    SmartBuilding.count = 0;
    return SmartBuilding.building();
  }
}
