package io.dyninka.processor.base;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * How a service answers, read from its return type: the output itself, a Vert.x {@code Future} of
 * it, or an {@code Optional} of it (empty filters the item out).
 */
public enum ReturnShape {
  VALUE,
  FUTURE,
  OPTIONAL;

  public static final String FUTURE_TYPE = "io.vertx.core.Future";
  public static final String OPTIONAL_TYPE = "java.util.Optional";

  public static ReturnShape of(TypeMirror returnType) {
    if (returnType.getKind() != TypeKind.DECLARED) {
      return VALUE;
    }
    TypeElement element = (TypeElement) ((DeclaredType) returnType).asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals(FUTURE_TYPE)) {
      return FUTURE;
    }
    if (name.equals(OPTIONAL_TYPE)) {
      return OPTIONAL;
    }
    return VALUE;
  }

  /**
   * The output type: {@code T} of {@code Future<T>} or {@code Optional<T>}, the type itself for a
   * {@link #VALUE}, or {@code null} for a raw {@code Future} or {@code Optional}.
   */
  public static TypeMirror output(TypeMirror returnType) {
    if (of(returnType) == VALUE) {
      return returnType;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) returnType).getTypeArguments();
    return arguments.isEmpty() ? null : arguments.get(0);
  }
}
