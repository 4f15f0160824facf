package io.dyninka.benchmarks.run;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The apps the benchmark runs, each against its hand-written twin. */
public enum Flow {
  /**
   * {@code get → filterTemperature → map → movingAvg}, {@code GET /}: 5 of 6 sensor rows are not
   * temperatures, so most answers are 204 after two functions.
   */
  SMART_BUILDING(
      "smart-building",
      "Smart-building chain",
      null,
      4,
      "client → movingAvg → map → filterTemperature → get → sensor endpoint; 5 of 6 rows are not"
          + " temperatures, so most answers are 204 after two functions, the rest 200 after four"),
  /**
   * The it-tests' orders app: a POST body forwarded up three hops to a {@code Flow.input} head, a
   * filter, a two-way zip fan-in, and a stateful sink. Every request sends the same order, which
   * runs all five functions.
   */
  ORDERS(
      "orders",
      "Orders app",
      "{\"id\":\"o-1\",\"quantity\":3,\"unitPrice\":12.5,\"country\":\"FR\"}",
      4,
      "client → invoice, which pulls price and vatRate at once with the POST body; price → skipFree"
          + " → validate, the head that reads the body; every request posts the same order, which"
          + " runs all five functions and answers 200");

  private final String id;
  private final String label;
  private final String body;
  private final int longestPath;
  private final String description;

  Flow(String id, String label, String body, int longestPath, String description) {
    this.id = id;
    this.label = label;
    this.body = body;
    this.longestPath = longestPath;
    this.description = description;
  }

  /** The name in {@code FLOW}, file names and the CSV. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** What every request posts, or null: the flow is called with {@code GET /}. */
  public String body() {
    return body;
  }

  /**
   * The service hops of a full answer's longest path: the per-hop overhead divides by them (the
   * orders fan-in pulls its second branch, vatRate, alongside the longest one).
   */
  public int longestPath() {
    return longestPath;
  }

  /** The request's path through the services, for the report. */
  public String description() {
    return description;
  }

  static Flow named(String id) {
    return Arrays.stream(values())
        .filter(f -> f.id.equalsIgnoreCase(id.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "FLOW takes "
                        + Arrays.stream(values()).map(Flow::id).collect(Collectors.joining(", "))
                        + " or both, not '"
                        + id
                        + "'"));
  }
}
