package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import org.example.bad.lib.Hidden;

/** A service of another package that is not public. */
public class Access {
  @Dataflow
  static Flow<Integer> access() {
    return Flow.from(Hidden::compute);
  }
}
