package io.dyninka.processor.reading;

/** Where a chain starts. */
public sealed interface RawHead {

  /** {@code Flow.from(X::m)} or {@code Flow.fromAsync(X::m)}: a service with no input. */
  record Source(RawStep step) implements RawHead {}

  /**
   * {@code Flow.input(T.class)}: the client's request body feeds the next step.
   *
   * @param type the {@code T} of the class literal
   */
  record RequestBody(SourceSite site, WrittenType type) implements RawHead {

    /** A request body whose type only its first service says: {@code @Dataflow(steps)}. */
    public RequestBody(SourceSite site) {
      this(site, new WrittenType.Unknown());
    }
  }

  /** {@code Flow.zip(first, second, X::m)}: a service with two inputs. */
  record Zip(RawChain first, RawChain second, RawStep join) implements RawHead {}

  /**
   * A use of a local {@code Flow} variable: its sub-flow, the same services at every use.
   *
   * @param site this use
   */
  record Variable(FlowVariable variable, SourceSite site) implements RawHead {}

  /** A local {@code Flow} variable used in its own initializer: a sub-flow that feeds itself. */
  record CyclicVariable(String name, SourceSite site) implements RawHead {}

  /** Anything else, such as a field or a method call: not a chain the processor can read. */
  record Unknown(SourceSite site) implements RawHead {}
}
