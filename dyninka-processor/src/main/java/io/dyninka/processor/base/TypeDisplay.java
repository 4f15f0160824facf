package io.dyninka.processor.base;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Short, readable type and method names for diagnostics: {@code Future<Reading>}. */
public final class TypeDisplay {

  private TypeDisplay() {}

  public static String of(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String name = declared.asElement().getSimpleName().toString();
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        return name
            + declared.getTypeArguments().stream()
                .map(TypeDisplay::of)
                .collect(Collectors.joining(", ", "<", ">"));
      case ARRAY:
        return of(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + of(wildcard.getExtendsBound());
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + of(wildcard.getSuperBound());
        }
        return "?";
      default:
        return type.toString();
    }
  }

  /** {@code SmartBuilding.movingAvg}: the method as a reader finds it in the source. */
  public static String of(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getSimpleName()
        + "."
        + method.getSimpleName();
  }
}
