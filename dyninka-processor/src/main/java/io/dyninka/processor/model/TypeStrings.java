package io.dyninka.processor.model;

import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Type names as the manifest writes them, which are the names Jackson's {@code
 * TypeFactory.constructFromCanonical} loads: primitives as {@code double}, classes by binary name
 * ({@code org.example.SmartBuilding$Reading}), type arguments recursively and without spaces
 * ({@code java.util.List<org.example.SmartBuilding$Reading>}), and arrays in JVM form ({@code [D},
 * {@code [Lorg.example.SmartBuilding$Reading;}), which is what Jackson itself writes for them.
 */
final class TypeStrings {

  private final Elements elements;

  TypeStrings(Elements elements) {
    this.elements = elements;
  }

  String of(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String raw = binaryName(declared);
        if (declared.getTypeArguments().isEmpty()) {
          return raw;
        }
        return raw
            + declared.getTypeArguments().stream()
                .map(this::of)
                .collect(Collectors.joining(",", "<", ">"));
      case ARRAY:
        return "[" + descriptor(((ArrayType) type).getComponentType());
      case WILDCARD:
        // List<? extends Reading> is read as a List<Reading>; List<?> as a List<Object>.
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return of(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() != null ? of(wildcard.getSuperBound()) : "java.lang.Object";
      case TYPEVAR:
        return of(((TypeVariable) type).getUpperBound());
      default:
        // Primitives by kind, since toString() would print type annotations (@Positive int).
        // Void is refused before a model exists.
        return type.getKind().isPrimitive()
            ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.toString();
    }
  }

  private String descriptor(TypeMirror component) {
    switch (component.getKind()) {
      case BOOLEAN:
        return "Z";
      case BYTE:
        return "B";
      case SHORT:
        return "S";
      case INT:
        return "I";
      case LONG:
        return "J";
      case CHAR:
        return "C";
      case FLOAT:
        return "F";
      case DOUBLE:
        return "D";
      case ARRAY:
        return "[" + descriptor(((ArrayType) component).getComponentType());
      default:
        // The JVM form has no type arguments: List<Reading>[] travels as List[].
        if (component.getKind() == TypeKind.DECLARED) {
          return "L" + binaryName((DeclaredType) component) + ";";
        }
        return "Ljava.lang.Object;";
    }
  }

  private String binaryName(DeclaredType type) {
    return elements.getBinaryName((TypeElement) type.asElement()).toString();
  }
}
