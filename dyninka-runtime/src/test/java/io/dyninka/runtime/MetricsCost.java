package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.from;

import io.dyninka.manifest.ServiceManifest.Kind;

/**
 * Not a test: the two-service chain of the metrics-cost benchmark ({@code
 * dyninka-runtime/src/test/bench/metrics-cost.sh}), in this JVM, with {@code DYNINKA_METRICS} as
 * the first argument says. Prints the sink's port, then serves until stdin closes.
 */
public final class MetricsCost {

  private MetricsCost() {}

  public static void main(String[] args) throws Exception {
    try (TestApp app =
        new TestApp("cost")
            .service("head", "int", Kind.VALUE, in -> 21)
            .service("sink", "int", Kind.VALUE, in -> in.<Integer>get(0) * 2, from("head", "int"))
            .setting("DYNINKA_METRICS", args[0])
            .start()) {
      System.out.println("sink " + app.host("sink").port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the benchmark closes stdin
      }
    }
  }
}
