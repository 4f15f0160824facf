package io.dyninka.runtime.state;

import com.fasterxml.jackson.databind.JavaType;
import io.dyninka.runtime.JsonCodec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * One {@code @Placed} static field, named {@code pkg.Class#field} as in the manifest, read and set
 * through a {@link VarHandle}. A field declared as {@code java.util.Map} is keyed: stored per
 * entry; any other is stored whole.
 */
final class PlacedField {

  final String name;
  private final VarHandle handle;
  final JavaType type;
  final boolean keyed;

  private PlacedField(String name, VarHandle handle, JavaType type, boolean keyed) {
    this.name = name;
    this.handle = handle;
    this.type = type;
    this.keyed = keyed;
  }

  /**
   * @throws IllegalArgumentException naming the field, when it cannot be found or set
   */
  static PlacedField resolve(String placed, JsonCodec codec) {
    int hash = placed.indexOf('#');
    if (hash <= 0 || hash == placed.length() - 1) {
      throw new IllegalArgumentException(
          "placed field '" + placed + "' is not of the form pkg.Class#field");
    }
    String className = placed.substring(0, hash);
    String fieldName = placed.substring(hash + 1);
    try {
      Class<?> owner =
          Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      Field field = owner.getDeclaredField(fieldName);
      if (!Modifier.isStatic(field.getModifiers())) {
        throw new IllegalArgumentException("placed field " + placed + " is not static");
      }
      if (Modifier.isFinal(field.getModifiers())) {
        throw new IllegalArgumentException(
            "placed field "
                + placed
                + " is final: with a state store the runtime sets it to the committed state"
                + " before each invocation, so it must not be final");
      }
      VarHandle handle =
          MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectVarHandle(field);
      JavaType type = codec.mapper().getTypeFactory().constructType(field.getGenericType());
      return new PlacedField(placed, handle, type, field.getType() == Map.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "placed field " + placed + ": no class " + className + " on the class path", e);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(
          "placed field " + placed + ": class " + className + " has no field " + fieldName, e);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(
          "placed field " + placed + " cannot be reached: " + e.getMessage(), e);
    }
  }

  Object get() {
    return handle.getVolatile();
  }

  void set(Object value) {
    handle.setVolatile(value);
  }
}
