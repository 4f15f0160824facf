package org.example.building;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo's settings: arguments {@code [requests] [concurrency]} win over the system properties
 * {@code demo.requests}, {@code demo.concurrency}, {@code demo.seed} and {@code demo.csv}.
 *
 * @param requests how many requests to send to the sink
 * @param concurrency how many requests to keep in flight
 * @param seed the seed of the generated data set
 * @param csv where to write the data set
 */
record DemoOptions(int requests, int concurrency, long seed, Path csv) {

  static final int DEFAULT_REQUESTS = 3000;
  static final int DEFAULT_CONCURRENCY = 4;
  static final int MAX_CONCURRENCY = 256;

  DemoOptions {
    if (requests < 1) {
      throw new IllegalArgumentException("demo.requests must be at least 1, not " + requests);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "demo.concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
    }
  }

  /**
   * @throws IllegalArgumentException naming the setting that is not a number
   */
  static DemoOptions from(String[] args, Properties props) {
    String requests = args.length > 0 ? args[0] : props.getProperty("demo.requests");
    String concurrency = args.length > 1 ? args[1] : props.getProperty("demo.concurrency");
    return new DemoOptions(
        (int) number("demo.requests", requests, DEFAULT_REQUESTS),
        (int) number("demo.concurrency", concurrency, DEFAULT_CONCURRENCY),
        number("demo.seed", props.getProperty("demo.seed"), SensorDataset.DEFAULT_SEED),
        Path.of(props.getProperty("demo.csv", "target/urban-observatory-2021-03.csv")));
  }

  private static long number(String name, String text, long fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
    }
  }
}
