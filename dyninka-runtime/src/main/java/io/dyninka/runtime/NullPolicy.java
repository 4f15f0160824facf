package io.dyninka.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fields of a value may be null, read from JSpecify's annotations by name (JSpecify need not
 * be on the class path): a field or record component whose type is {@code @NonNull}, or that is
 * declared in a {@code @NullMarked} class, package or module and not {@code @Nullable}, must not be
 * null; every other reference field may be, as it may in {@code Flow.runLocal}. The same rule holds
 * for the elements of a field's collection or array and the values of its map, by the annotations
 * on the type argument ({@code List<@Nullable Line>}). Primitives are Jackson's to refuse.
 *
 * <p>The fields to check are found once per class; a class without any annotated field, nor any
 * field that may hold one, costs one lookup per value.
 */
final class NullPolicy {

  private static final String JSPECIFY = "org.jspecify.annotations.";
  private static final int MAX_DEPTH = 64;

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return Shape.of(type);
        }
      };

  private NullPolicy() {}

  /**
   * The first null that {@code value}'s types forbid, as its path and why ({@code Average.label:
   * null, but it is @NonNull}); {@code null} when there is none.
   */
  static String violation(Object value) {
    if (value == null) {
      return null;
    }
    String found = walk(value, 0, new Path());
    return found == null ? null : rootName(value) + found;
  }

  private static String rootName(Object value) {
    if (value instanceof Collection<?>) {
      return value instanceof java.util.Set<?> ? "Set" : "List";
    }
    if (value instanceof Map<?, ?>) {
      return "Map";
    }
    if (value instanceof Optional<?>) {
      return "Optional";
    }
    return value instanceof Object[] ? "array" : value.getClass().getSimpleName();
  }

  /** The objects from the top to the one being walked: a cycle is Jackson's to refuse. */
  private static final class Path {
    private Set<Object> objects;

    boolean enter(Object value) {
      if (objects == null) {
        objects = Collections.newSetFromMap(new IdentityHashMap<>());
      }
      return objects.add(value);
    }

    void leave(Object value) {
      objects.remove(value);
    }
  }

  private static String walk(Object value, int depth, Path onPath) {
    if (depth > MAX_DEPTH) {
      return null; // deeper than a service reads (DYNINKA_MAX_JSON_DEPTH); refused there
    }
    if (value instanceof Collection<?> items) {
      return walkAll(items, depth, onPath);
    }
    if (value instanceof Map<?, ?> map) {
      return walkAll(map.values(), depth, onPath);
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? walk(optional.get(), depth + 1, onPath) : null;
    }
    if (value instanceof Object[] array) {
      return walkAll(Arrays.asList(array), depth, onPath);
    }
    List<Property> properties = SHAPES.get(value.getClass()).properties;
    if (properties.isEmpty() || !onPath.enter(value)) {
      return null;
    }
    try {
      return walkProperties(value, properties, depth, onPath);
    } finally {
      onPath.leave(value);
    }
  }

  private static String walkProperties(
      Object value, List<Property> properties, int depth, Path onPath) {
    for (Property property : properties) {
      Object field = property.read(value);
      if (field == null) {
        if (property.nonNull != null) {
          return "." + property.name + ": null, but it is " + property.nonNull;
        }
      } else if (property.elementsNonNull != null && hasNullElement(field)) {
        return "." + property.name + "[]: null, but it is " + property.elementsNonNull;
      } else if (property.nested) {
        String found = walk(field, depth + 1, onPath);
        if (found != null) {
          return "." + property.name + found;
        }
      }
    }
    return null;
  }

  private static boolean hasNullElement(Object value) {
    Iterable<?> elements =
        value instanceof Collection<?> items
            ? items
            : value instanceof Map<?, ?> map
                ? map.values()
                : value instanceof Object[] array ? Arrays.asList(array) : List.of();
    for (Object element : elements) {
      if (element == null) {
        return true;
      }
    }
    return false;
  }

  private static String walkAll(Collection<?> items, int depth, Path onPath) {
    for (Object item : items) {
      if (item != null) {
        String found = walk(item, depth + 1, onPath);
        if (found != null) {
          return "[]" + found;
        }
      }
    }
    return null;
  }

  /** The fields of one class that the policy looks at. */
  private record Shape(List<Property> properties) {

    static Shape of(Class<?> type) {
      List<Property> properties = new ArrayList<>();
      if (!opaque(type)) {
        if (type.isRecord()) {
          for (RecordComponent component : type.getRecordComponents()) {
            Property.of(
                    type,
                    component.getName(),
                    component.getAnnotatedType(),
                    accessor(type, component.getName()))
                .ifPresent(properties::add);
          }
        } else {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              int modifiers = field.getModifiers();
              if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                Property.of(c, field.getName(), field.getAnnotatedType(), accessible(field))
                    .ifPresent(properties::add);
              }
            }
          }
        }
      }
      return new Shape(List.copyOf(properties));
    }

    /** JDK, Vert.x and Jackson types carry no user annotations worth a look. */
    private static boolean opaque(Class<?> type) {
      String name = type.getName();
      return type.isPrimitive()
          || type.isEnum()
          || type.isArray()
          || name.startsWith("java.")
          || name.startsWith("javax.")
          || name.startsWith("io.vertx.")
          || name.startsWith("com.fasterxml.");
    }

    private static Field accessor(Class<?> type, String name) {
      try {
        return accessible(type.getDeclaredField(name));
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("record " + type.getName() + " has no field " + name, e);
      }
    }

    private static Field accessible(Field field) {
      try {
        field.setAccessible(true);
        return field;
      } catch (RuntimeException e) {
        return null; // a module that does not open its fields: its values are not checked
      }
    }
  }

  /**
   * One field: {@code nonNull} says why it must not be null ({@code null} when it may be), {@code
   * elementsNonNull} the same for the elements of a collection, the values of a map or the
   * components of an array, {@code nested} whether its value may hold fields to check.
   */
  private record Property(
      String name, Field field, String nonNull, String elementsNonNull, boolean nested) {

    static Optional<Property> of(Class<?> declaring, String name, AnnotatedType type, Field field) {
      Class<?> raw =
          type.getType() instanceof Class<?> c
              ? c
              : type.getType() instanceof ParameterizedType p
                      && p.getRawType() instanceof Class<?> c
                  ? c
                  : null;
      if (field == null || (raw != null && raw.isPrimitive())) {
        return Optional.empty();
      }
      String nonNull = nonNull(declaring, type);
      boolean nested =
          raw == null
              || !Shape.opaque(raw)
              || Collection.class.isAssignableFrom(raw)
              || Map.class.isAssignableFrom(raw)
              || Optional.class == raw
              || raw.isArray()
              || raw == Object.class;
      AnnotatedType element = elementOf(raw, type);
      String elementsNonNull = element == null ? null : nonNull(declaring, element);
      if (nonNull == null && elementsNonNull == null && !nested) {
        return Optional.empty();
      }
      return Optional.of(new Property(name, field, nonNull, elementsNonNull, nested));
    }

    /** The element type of a collection, the value type of a map, an array's component type. */
    private static AnnotatedType elementOf(Class<?> raw, AnnotatedType type) {
      if (type instanceof AnnotatedArrayType array) {
        AnnotatedType component = array.getAnnotatedGenericComponentType();
        return component.getType() instanceof Class<?> c && c.isPrimitive() ? null : component;
      }
      if (raw == null || !(type instanceof AnnotatedParameterizedType parameterized)) {
        return null;
      }
      AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
        return arguments[0];
      }
      return Map.class.isAssignableFrom(raw) && arguments.length == 2 ? arguments[1] : null;
    }

    Object read(Object owner) {
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }

    private static String nonNull(Class<?> declaring, AnnotatedType type) {
      if (has(type, "NonNull")) {
        return "@NonNull";
      }
      if (has(type, "Nullable")) {
        return null;
      }
      return nullMarked(declaring) ? "in a @NullMarked scope and not @Nullable" : null;
    }

    /** The innermost of the class, its enclosing classes, its package and module decides. */
    private static boolean nullMarked(Class<?> declaring) {
      for (Class<?> c = declaring; c != null; c = c.getEnclosingClass()) {
        Boolean marked = marked(c);
        if (marked != null) {
          return marked;
        }
      }
      Boolean marked = marked(declaring.getPackage());
      if (marked == null) {
        marked = marked(declaring.getModule());
      }
      return marked != null && marked;
    }

    private static Boolean marked(AnnotatedElement element) {
      if (element == null) {
        return null;
      }
      if (has(element, "NullMarked")) {
        return true;
      }
      return has(element, "NullUnmarked") ? false : null;
    }

    private static boolean has(AnnotatedElement element, String simpleName) {
      for (Annotation annotation : element.getDeclaredAnnotations()) {
        if (annotation.annotationType().getName().equals(JSPECIFY + simpleName)) {
          return true;
        }
      }
      return false;
    }
  }
}
