package io.dyninka.processor.reading;

/** Where a chain starts. */
public sealed interface RawHead {

  /** {@code Flow.from(X::m)} or {@code Flow.fromAsync(X::m)}: a service with no input. */
  record Source(RawStep step) implements RawHead {}

  /** {@code Flow.input(T.class)}: the client's request body feeds the next step. */
  record RequestBody(SourceSite site) implements RawHead {}

  /** {@code Flow.zip(first, second, X::m)}: a service with two inputs. */
  record Zip(RawChain first, RawChain second, RawStep join) implements RawHead {}

  /** Anything else, such as a local variable: the chain was not written as one expression. */
  record Unknown(SourceSite site) implements RawHead {}
}
