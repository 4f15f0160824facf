package io.dyninka.processor.reading;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** What the argument of one step turned out to name, before anyone judges it. */
public sealed interface StepTarget {

  /** A method, which should be a {@code @Service} method. */
  record Method(ExecutableElement method) implements StepTarget {}

  /** A lambda where a method reference belongs. */
  record Lambda() implements StepTarget {}

  /** Some other expression: a variable, a call, a constructor reference, a missing argument. */
  record NotAMethodReference() implements StepTarget {}

  /**
   * {@code X::m} where no type {@code X} is visible (yet: another processor may generate it in a
   * later round).
   */
  record UnknownType(String typeName) implements StepTarget {}

  /** {@code X::m} where {@code X} has no method {@code m}. */
  record UnknownMethod(TypeElement type, String name) implements StepTarget {}

  /** {@code X::m} where {@code X} has several {@code @Service} methods {@code m} of one arity. */
  record AmbiguousMethod(TypeElement type, String name) implements StepTarget {}

  /** A name of {@code @Dataflow(steps)} that no {@code @Service} of the class carries. */
  record UnknownService(String name) implements StepTarget {}
}
