package io.dyninka.benchmarks.run;

import java.time.Duration;

/** One load profile: {@code workers} concurrent hey workers for {@code duration}. */
public record Profile(int workers, boolean keepAlive, Duration duration) {

  public String label() {
    return workers
        + (workers == 1 ? " worker" : " workers")
        + ", keep-alive "
        + (keepAlive ? "on" : "off");
  }
}
