package org.example.forms;

import static io.dyninka.Flow.*;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** Flow's factories are statically imported. */
public class StaticImportChain {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int add(int body, int one) {
    return body + one;
  }

  @Dataflow
  static Flow<Integer> app() {
    return zip(input(Integer.class), from(StaticImportChain::one), StaticImportChain::add);
  }
}
