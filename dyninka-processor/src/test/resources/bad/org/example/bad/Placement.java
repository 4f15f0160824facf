package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Placed;
import io.dyninka.Service;
import java.util.ArrayList;
import java.util.List;

/** @Placed fields used wrongly. */
public class Placement {
  @Placed("count") long notStatic;

  @Placed("nope") static long orphan;

  @Placed("count") static long total;

  @Placed("count") static List<Long> history = new ArrayList<>();

  @Placed("count") static long started = System.nanoTime();

  @Service
  static long count(long x) {
    total += x;
    history.add(total);
    return total;
  }

  @Service
  static long peek(long x) {
    return x + total; // reads
  }

  @Service
  static long reset(long x) {
    Placement.total = 0; // writes
    return x;
  }

  @Service
  static long shadow(long total) {
    long history = total + 1;
    return history;
  }

  @Service
  static long source() {
    return 1;
  }

  @Dataflow
  static Flow<Long> placement() {
    return Flow.from(Placement::source)
        .then(Placement::peek)
        .then(Placement::reset)
        .then(Placement::shadow)
        .then(Placement::count);
  }
}
