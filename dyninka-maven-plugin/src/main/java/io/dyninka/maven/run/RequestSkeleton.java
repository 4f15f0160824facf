package io.dyninka.maven.run;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON value of a payload type with every field present and zero, empty or the first constant:
 * what a user edits into a first request. Types are named as the manifest names them ({@code
 * double}, {@code java.util.List<org.example.Reading>}) and loaded from the project's class path.
 */
public final class RequestSkeleton {

  private static final int MAX_DEPTH = 6;
  private static final Set<String> NUMBERS =
      Set.of(
          "byte",
          "short",
          "int",
          "long",
          "float",
          "double",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigDecimal",
          "java.math.BigInteger");
  private static final Set<String> TEXTS =
      Set.of("char", "java.lang.Character", "java.lang.String", "java.time.Instant");
  private static final Set<String> SEQUENCES =
      Set.of("java.util.List", "java.util.Set", "java.util.Collection", "java.lang.Iterable");

  private final ClassLoader loader;

  public RequestSkeleton(ClassLoader loader) {
    this.loader = loader;
  }

  /** The skeleton as JSON text; empty when the type (or a type inside it) cannot be loaded. */
  public Optional<String> json(String type) {
    try {
      return Optional.of(Json.encode(value(type.strip(), 0)));
    } catch (UnknownType e) {
      return Optional.empty();
    }
  }

  private Object value(String type, int depth) {
    if (depth > MAX_DEPTH) {
      return null; // a recursive type: the nested value stays null
    }
    int angle = type.indexOf('<');
    String raw = angle < 0 ? type : type.substring(0, angle);
    List<String> args =
        angle < 0 ? List.of() : arguments(type.substring(angle + 1, type.length() - 1));
    if (raw.endsWith("[]")) {
      return new JsonArray().add(value(raw.substring(0, raw.length() - 2), depth + 1));
    }
    if (raw.equals("boolean") || raw.equals("java.lang.Boolean")) {
      return false;
    }
    if (NUMBERS.contains(raw)) {
      return 0;
    }
    if (TEXTS.contains(raw)) {
      return "";
    }
    if (SEQUENCES.contains(raw)) {
      return new JsonArray().add(args.isEmpty() ? null : value(args.get(0), depth + 1));
    }
    if (raw.equals("java.util.Map")) {
      return new JsonObject();
    }
    if (raw.equals("java.util.Optional")) {
      return args.isEmpty() ? null : value(args.get(0), depth + 1);
    }
    Class<?> c = load(raw);
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants.length == 0 ? null : ((Enum<?>) constants[0]).name();
    }
    if (c.isRecord()) {
      JsonObject object = new JsonObject();
      for (RecordComponent component : c.getRecordComponents()) {
        object.put(component.getName(), value(component.getGenericType().getTypeName(), depth + 1));
      }
      return object;
    }
    throw new UnknownType();
  }

  /**
   * The class of a name, nested classes given as {@code a.Outer.Inner} or {@code a.Outer$Inner}.
   */
  private Class<?> load(String name) {
    String binary = name;
    while (true) {
      try {
        return Class.forName(binary, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = binary.lastIndexOf('.');
        if (dot < 0) {
          throw new UnknownType();
        }
        binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
      }
    }
  }

  private static List<String> arguments(String text) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '<') {
        depth++;
      } else if (ch == '>') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        args.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    args.add(text.substring(start).strip());
    return args;
  }

  private static final class UnknownType extends RuntimeException {
    UnknownType() {
      super(null, null, false, false);
    }
  }
}
