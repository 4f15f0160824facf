package io.dyninka.benchmarks.run;

import java.time.Duration;

/** One load profile: {@code workers} concurrent hey workers for {@code duration}. */
record Profile(int workers, boolean keepAlive, Duration duration) {

  String label() {
    return workers
        + (workers == 1 ? " worker" : " workers")
        + ", keep-alive "
        + (keepAlive ? "on" : "off");
  }
}
