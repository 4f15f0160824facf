package io.dyninka.processor.reading;

import javax.lang.model.element.TypeElement;

/**
 * The item type a chain's author wrote down for a flow, as read before attribution: the {@code
 * Rate} of {@code Flow<Rate> rate = …} or of {@code Flow.input(Rate.class)}.
 */
public sealed interface WrittenType {

  /** Nothing written ({@code var rate = …}): javac takes the type the chain's services give. */
  record Inferred() implements WrittenType {}

  /** A type name that resolves: {@code Rate}, {@code org.example.Rate}. */
  record Named(TypeElement type) implements WrittenType {}

  /**
   * Something a reading before attribution cannot pin down (a parameterized, wildcard, array or
   * primitive type, a raw {@code Flow}, a name not visible), or nothing to read (the request body
   * of {@code @Dataflow(steps)}, which is whatever its first service takes).
   */
  record Unknown() implements WrittenType {}
}
