package org.example.split;

import io.dyninka.Dataflow;
import io.dyninka.Flow;

/** An app whose services all live in another class. */
public class Pipeline {
  @Dataflow
  static Flow<Steps.Total> pipeline() {
    return Flow.input(Steps.Item.class)
        .thenOptional(Steps::keep)
        .thenAsync(Steps::enrich)
        .then(Steps::total);
  }
}
