package org.example.sources;

import io.dyninka.Dataflow;
import io.dyninka.Service;
import io.vertx.core.Future;

/** An app given by {@code @Dataflow(steps)}, with an asynchronous source at its head. */
public class SourceSteps {
  @Service(idempotent = true)
  static Future<Integer> tick() {
    return Future.succeededFuture(1);
  }

  @Service(name = "double-it")
  static int twice(int x) throws Exception {
    if (x < 0) {
      throw new Exception("negative tick"); // a checked exception: Flow's steps cannot throw one
    }
    return 2 * x;
  }

  @Dataflow(name = "ticks", steps = {"tick", "double-it"})
  static void ticks() {}
}
