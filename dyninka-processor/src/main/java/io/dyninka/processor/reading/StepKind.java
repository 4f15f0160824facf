package io.dyninka.processor.reading;

import io.dyninka.processor.base.ReturnShape;

/** The {@code Flow} method that took a step, with what it expects of the step's service. */
public enum StepKind {
  FROM("Flow.from", 0, ReturnShape.VALUE),
  FROM_ASYNC("Flow.fromAsync", 0, ReturnShape.FUTURE),
  THEN(".then", 1, ReturnShape.VALUE),
  THEN_ASYNC(".thenAsync", 1, ReturnShape.FUTURE),
  THEN_OPTIONAL(".thenOptional", 1, ReturnShape.OPTIONAL),
  ZIP("Flow.zip", 2, ReturnShape.VALUE);

  private final String written;
  private final int inputs;
  private final ReturnShape shape;

  StepKind(String written, int inputs, ReturnShape shape) {
    this.written = written;
    this.inputs = inputs;
    this.shape = shape;
  }

  /** How the step is written in a chain, for messages: {@code .thenAsync}. */
  public String written() {
    return written;
  }

  /** How many inputs the step's service gets. */
  public int inputs() {
    return inputs;
  }

  /** The return shape this kind of step requires. */
  public ReturnShape shape() {
    return shape;
  }

  public boolean isSource() {
    return inputs == 0;
  }

  /** The kind of a {@code then} step whose service returns {@code shape}. */
  public static StepKind then(ReturnShape shape) {
    return switch (shape) {
      case VALUE -> THEN;
      case FUTURE -> THEN_ASYNC;
      case OPTIONAL -> THEN_OPTIONAL;
    };
  }

  /** The kind of the Flow step method named {@code name}, such as {@code thenAsync}. */
  static StepKind ofMethodName(String name) {
    return switch (name) {
      case "from" -> FROM;
      case "fromAsync" -> FROM_ASYNC;
      case "then" -> THEN;
      case "thenAsync" -> THEN_ASYNC;
      case "thenOptional" -> THEN_OPTIONAL;
      case "zip" -> ZIP;
      default -> throw new IllegalArgumentException("not a Flow step method: " + name);
    };
  }
}
