package org.example.building;

import io.dyninka.runtime.Arguments;
import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;
import javax.annotation.processing.Generated;

/**
 * Service {@code movingAvg} of app {@code smart-building}: a direct call of {@link SmartBuilding#movingAvg(double)}.
 */
@Generated("io.dyninka.processor.DyninkaProcessor")
public final class SmartBuildingMovingAvgService implements ServiceFunction {
  private SmartBuildingMovingAvgService() {
  }

  @Override
  public Object apply(Arguments in) {
    return SmartBuilding.movingAvg(in.<Double>get(0));
  }

  public static void main(String[] args) {
    ServiceHost.main("smart-building", "movingAvg", new SmartBuildingMovingAvgService());
  }
}
