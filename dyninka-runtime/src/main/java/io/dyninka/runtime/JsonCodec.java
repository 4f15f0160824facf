package io.dyninka.runtime;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.VertxModule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns service inputs and outputs into JSON and back, with Jackson: records, POJOs, primitives,
 * collections, {@code JsonObject} and {@code JsonArray}.
 *
 * <p>Types come from the manifest as Java type names ({@code double}, {@code
 * java.util.List<org.example.App$Reading>}) and are resolved once.
 *
 * <p>Public for tests outside this package (the it-tests) that compare a service's answer with what
 * the runtime writes for a value; not for user code, which never sees JSON.
 */
public final class JsonCodec {

  private final ObjectMapper mapper;
  private final Map<String, JavaType> types = new ConcurrentHashMap<>();

  /** A codec with Jackson's default limits. */
  public JsonCodec() {
    this(1000);
  }

  /**
   * A codec for untrusted input: JSON nested deeper than {@code maxDepth}, or numbers longer than
   * 100 digits, are refused before they cost anything.
   */
  public JsonCodec(int maxDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxNumberLength(100)
                    .build())
            .build();
    this.mapper =
        new ObjectMapper(factory)
            .registerModule(new VertxModule())
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A JSON null must not silently become 0 for a double input.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    // Nulls travel as runLocal passes them (NullPolicy), except where the type forbids them: a
    // null, or a missing field, for a primitive is refused rather than read as 0. An Optional
    // field that is null or missing reads as empty.
    for (Class<?> primitive :
        List.of(
            boolean.class,
            byte.class,
            short.class,
            int.class,
            long.class,
            float.class,
            double.class,
            char.class)) {
      mapper.configOverride(primitive).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
    }
    mapper
        .configOverride(Optional.class)
        .setSetterInfo(JsonSetter.Value.construct(Nulls.AS_EMPTY, Nulls.FAIL));
  }

  /** The Jackson type for a manifest type name, loaded by the given class loader. */
  public JavaType type(String name) {
    return types.computeIfAbsent(
        name,
        n ->
            mapper
                .getTypeFactory()
                .withClassLoader(Thread.currentThread().getContextClassLoader())
                .constructFromCanonical(n));
  }

  public Buffer encode(Object value) {
    try {
      return Buffer.buffer(mapper.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      String at = e instanceof JsonMappingException mapping ? JsonErrors.path(mapping) : "";
      throw new IllegalStateException(
          "cannot write "
              + Optional.ofNullable(value.getClass().getCanonicalName())
                  .orElse(value.getClass().getName())
              + " as JSON"
              + (at.isEmpty() ? "" : " at " + at)
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Reads {@code json} as a value of {@code type}.
   *
   * @throws IOException when the JSON is malformed, does not fit the type, or holds a null the type
   *     forbids ({@link NullPolicy})
   */
  public Object decode(Buffer json, JavaType type) throws IOException {
    Object value = mapper.readValue(json.getBytes(), type);
    if (value == null) {
      throw new IOException("null is not a " + type.toCanonical());
    }
    String violation = NullPolicy.violation(value);
    if (violation != null) {
      throw new IOException(violation);
    }
    return value;
  }

  /**
   * The first null in {@code value} that its types forbid, as its path and why ({@code
   * Average.label: null, but it is @NonNull}); {@code null} when there is none. A value that breaks
   * the policy would be refused by every service that reads it.
   */
  public String nullViolation(Object value) {
    return NullPolicy.violation(value);
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
