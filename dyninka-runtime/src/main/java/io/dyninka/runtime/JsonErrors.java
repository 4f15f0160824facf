package io.dyninka.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import java.io.IOException;

/**
 * Says what is wrong with a JSON body in one line, without echoing the body back, naming the field
 * it is wrong at ({@code Average.count: null for a primitive int}).
 */
final class JsonErrors {

  private JsonErrors() {}

  static String describe(IOException e) {
    if (e instanceof JsonProcessingException json) {
      String message =
          json instanceof InvalidNullException invalid && invalid.getPropertyName() != null
              ? "null for a primitive"
              : clip(json.getOriginalMessage());
      String at = json instanceof JsonMappingException mapping ? path(mapping) : "";
      String where =
          json.getLocation() == null
              ? ""
              : " (line "
                  + json.getLocation().getLineNr()
                  + ", column "
                  + json.getLocation().getColumnNr()
                  + ")";
      return (at.isEmpty() ? "" : at + ": ") + message + where;
    }
    return clip(e.getMessage());
  }

  /**
   * Where a mapping failed, as a path a user reads ({@code Order.items[2].name}); empty when the
   * failure is at the top.
   */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : e.getPath()) {
      if (path.isEmpty()) {
        Object from = step.getFrom();
        Class<?> type = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (type != null && !type.getName().startsWith("java.")) {
          path.append(type.getSimpleName());
        }
      }
      if (step.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * A manifest type name as a reader writes it in Java: {@code org.example.Model.Order} for {@code
   * org.example.Model$Order}, {@code double[]} for {@code [D}.
   */
  static String typeName(String manifestType) {
    String name = manifestType;
    int dimensions = 0;
    while (name.startsWith("[")) {
      name = name.substring(1);
      dimensions++;
    }
    if (dimensions > 0) {
      name =
          switch (name) {
            case "Z" -> "boolean";
            case "B" -> "byte";
            case "S" -> "short";
            case "C" -> "char";
            case "I" -> "int";
            case "J" -> "long";
            case "F" -> "float";
            case "D" -> "double";
            default ->
                name.startsWith("L") && name.endsWith(";")
                    ? name.substring(1, name.length() - 1)
                    : name;
          };
    }
    return name.replace('$', '.') + "[]".repeat(dimensions);
  }

  private static String clip(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    String firstLine = message.lines().findFirst().orElse(message);
    return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
  }
}
