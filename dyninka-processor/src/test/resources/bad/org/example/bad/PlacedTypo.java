package org.example.bad;

import io.dyninka.Placed;
import io.dyninka.Service;

/** A typo in @Placed: one error, with the name it was meant to be. */
public class PlacedTypo {
  @Placed("velocityy") static double last;

  @Service
  static double velocity(double speed) {
    double before = last;
    last = speed;
    return speed - before;
  }
}
