package io.dyninka.runtime;

/** The decoded inputs of one invocation, in the order of the service method's parameters. */
public final class Arguments {

  private final Object[] values;

  Arguments(Object... values) {
    this.values = values;
  }

  /** Arguments for a direct call of a generated service's function, as tests make them. */
  public static Arguments of(Object... values) {
    return new Arguments(values.clone());
  }

  /** The input at {@code index}, already decoded from JSON to the parameter's type. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  public <T> T get(int index) {
    return (T) values[index];
  }

  public int size() {
    return values.length;
  }
}
