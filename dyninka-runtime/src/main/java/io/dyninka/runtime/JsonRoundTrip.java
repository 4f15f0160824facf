package io.dyninka.runtime;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.dyninka.Flow;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes {@code Flow.runLocal} a true reference for the distributed app: every value that would
 * travel between services goes through the runtime's JSON, as a service writes and reads it. A null
 * the type forbids fails as it does at the producing service ({@code output-invalid}), a value
 * Jackson cannot write as {@code output-not-json}, and a field Jackson does not write reaches the
 * next step as a service would see it.
 *
 * <pre>{@code
 * Flow.Result<Invoice> local = Orders.orders().runLocalAndWait(order, timeout, new JsonRoundTrip());
 * }</pre>
 *
 * <p>A value is read back as the type it has at run time, with the element types of collections and
 * maps taken from their elements; a service reads it as its declared input type, which is the same
 * unless a step returns a subclass of its declared output.
 */
public final class JsonRoundTrip implements Flow.Hop {

  private final JsonCodec codec;

  /** Round-trips through a codec as every service has it. */
  public JsonRoundTrip() {
    this(new JsonCodec(HostConfig.defaults(Map.of()).maxJsonDepth()));
  }

  public JsonRoundTrip(JsonCodec codec) {
    this.codec = codec;
  }

  /**
   * {@code value} written as JSON and read back.
   *
   * @throws IllegalStateException naming the problem type the producing service would answer
   */
  @Override
  public Object carry(Object value) {
    if (value == null) {
      return null;
    }
    String violation = codec.nullViolation(value);
    if (violation != null) {
      throw new IllegalStateException(ProblemType.OUTPUT_INVALID.slug() + ": " + violation);
    }
    try {
      return codec.decode(codec.encode(value), typeOf(value));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          ProblemType.OUTPUT_NOT_JSON.slug() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException(
          ProblemType.UPSTREAM_INVALID.slug() + ": " + JsonErrors.describe(e), e);
    }
  }

  /** The type to read {@code value}'s JSON back as. */
  private JavaType typeOf(Object value) {
    TypeFactory types = codec.mapper().getTypeFactory();
    if (value instanceof Set<?> set) {
      return types.constructCollectionType(Set.class, elementType(set));
    }
    if (value instanceof List<?> list) {
      return types.constructCollectionType(List.class, elementType(list));
    }
    if (value instanceof Collection<?> collection) {
      return types.constructCollectionType(Collection.class, elementType(collection));
    }
    if (value instanceof Map<?, ?> map) {
      return types.constructMapType(
          Map.class, elementType(map.keySet()), elementType(map.values()));
    }
    return types.constructType(value.getClass());
  }

  /** The type of every non-null element when they share one, else {@code Object}. */
  private JavaType elementType(Collection<?> elements) {
    JavaType common = null;
    for (Object element : elements) {
      if (element == null) {
        continue;
      }
      JavaType type = typeOf(element);
      if (common != null && !common.equals(type)) {
        return codec.mapper().getTypeFactory().constructType(Object.class);
      }
      common = type;
    }
    return common == null ? codec.mapper().getTypeFactory().constructType(Object.class) : common;
  }
}
