package io.dyninka.processor.base;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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

  /**
   * {@code SmartBuilding.movingAvg}: the method as a reader finds it in the source. A top-level
   * Kotlin function is shown by its name and file, {@code movingAvg (Building.kt)}, rather than by
   * the JVM class ({@code BuildingKt}) that no Kotlin source mentions.
   */
  public static String of(ExecutableElement method) {
    return member((TypeElement) method.getEnclosingElement(), method.getSimpleName().toString());
  }

  /**
   * {@code SmartBuilding.count}, or {@code count (Building.kt)} for a top-level Kotlin property.
   */
  public static String of(VariableElement field) {
    return member((TypeElement) field.getEnclosingElement(), field.getSimpleName().toString());
  }

  /** {@code SmartBuilding}, or {@code Building.kt} for the top level of a Kotlin file. */
  public static String of(TypeElement type) {
    return KotlinSources.isFileFacade(type)
        ? KotlinSources.fileOf(type)
        : type.getSimpleName().toString();
  }

  private static String member(TypeElement owner, String name) {
    return KotlinSources.isFileFacade(owner)
        ? name + " (" + KotlinSources.fileOf(owner) + ")"
        : owner.getSimpleName() + "." + name;
  }
}
