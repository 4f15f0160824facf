package io.dyninka.processor.checking;

import io.dyninka.processor.base.TypeDisplay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Walks a payload type the way Jackson will encode it: into record components, bean properties
 * (public getters and fields), array and collection elements, map keys and values, and {@code
 * Optional} contents, and finds what cannot travel (an error) or cannot be decided at compile time
 * (a warning: an {@code Object}- or interface-typed member, a raw or a type-variable member). The
 * top type itself is {@link JsonTypeRules}' to judge; this reports only what lies inside it.
 */
final class JsonPayloadWalk {

  /**
   * One finding inside a payload type.
   *
   * @param certain an error when true, a warning when the type only may not travel
   * @param path where, from the top type: {@code Order.items[].attachment}
   * @param type the member's type, for a reader
   * @param why why it cannot (or may not) travel
   */
  record Finding(boolean certain, String path, String type, String why) {}

  private final Types types;
  private final JsonTypeRules rules;

  JsonPayloadWalk(Types types, JsonTypeRules rules) {
    this.types = types;
    this.rules = rules;
  }

  /** The findings inside {@code top}, whose own type is already known to be allowed. */
  List<Finding> inside(TypeMirror top) {
    List<Finding> findings = new ArrayList<>();
    contents(top, TypeDisplay.of(types.erasure(top)), new HashSet<>(), findings);
    return findings;
  }

  /**
   * Judges the member at {@code path}, then walks into it. An element of a collection, array or map
   * may be an {@code Object}: {@code List<Object>} and {@code Map<String, Object>} are untyped JSON
   * on purpose, as a top type {@code Object} is; a property typed {@code Object} more likely is
   * not.
   */
  private void member(
      TypeMirror type, String path, boolean property, Set<String> onPath, List<Finding> into) {
    Optional<String> why = rules.whyNotMember(type);
    if (why.isPresent()) {
      into.add(new Finding(true, path, TypeDisplay.of(type), why.get()));
      return;
    }
    undecidable(type)
        .filter(reason -> property || !reason.equals(ErrorMessages.NotJson.MAYBE_OBJECT))
        .ifPresentOrElse(
            reason -> into.add(new Finding(false, path, TypeDisplay.of(type), reason)),
            () -> contents(type, path, onPath, into));
  }

  /** Walks into the parts of {@code type} that Jackson encodes. */
  private void contents(TypeMirror type, String path, Set<String> onPath, List<Finding> into) {
    if (type.getKind() == TypeKind.ARRAY) {
      member(((ArrayType) type).getComponentType(), path + "[]", false, onPath, into);
      return;
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) type).getExtendsBound();
      if (bound != null) {
        contents(bound, path, onPath, into);
      }
      return;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    if (rules.isMap(declared) && arguments.size() == 2) {
      mapKey(arguments.get(0), path, into);
      member(arguments.get(1), path + "[]", false, onPath, into);
    } else if (name.equals("java.util.Optional") && arguments.size() == 1) {
      member(arguments.get(0), path, true, onPath, into);
    } else if (rules.isCollection(declared) && arguments.size() == 1) {
      member(arguments.get(0), path + "[]", false, onPath, into);
    } else if (isUserClass(name) && onPath.add(types.erasure(type).toString())) {
      // A type already on the path (a record that holds itself) was walked further up.
      for (Property property : properties(declared)) {
        member(property.type(), path + "." + property.name(), true, onPath, into);
      }
      onPath.remove(types.erasure(type).toString());
    }
  }

  private void mapKey(TypeMirror key, String path, List<Finding> into) {
    TypeMirror bound =
        key.getKind() == TypeKind.WILDCARD && ((WildcardType) key).getExtendsBound() != null
            ? ((WildcardType) key).getExtendsBound()
            : key;
    if (!rules.isMapKey(bound)) {
      into.add(
          new Finding(true, path + "<key>", TypeDisplay.of(key), ErrorMessages.NotJson.MAP_KEY));
    }
  }

  /** Why Jackson's encoding of {@code type} cannot be known here, or empty when it can. */
  private Optional<String> undecidable(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return Optional.of(ErrorMessages.NotJson.MAYBE_TYPE_VARIABLE);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() == null
            ? Optional.of(ErrorMessages.NotJson.MAYBE_OBJECT)
            : undecidable(wildcard.getExtendsBound());
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.Object")) {
      return Optional.of(ErrorMessages.NotJson.MAYBE_OBJECT);
    }
    if (declared.getTypeArguments().isEmpty() && !element.getTypeParameters().isEmpty()) {
      return Optional.of(ErrorMessages.NotJson.MAYBE_RAW);
    }
    if (element.getKind() == ElementKind.INTERFACE
        && !rules.isMap(declared)
        && !rules.isCollection(declared)
        && !rules.isJsonValue(name)) {
      return Optional.of(ErrorMessages.NotJson.MAYBE_INTERFACE);
    }
    return Optional.empty();
  }

  /** Whether Jackson encodes {@code name} by its properties rather than as a known value. */
  private static boolean isUserClass(String name) {
    return !(name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("io.vertx.")
        || name.startsWith("com.fasterxml."));
  }

  private record Property(String name, TypeMirror type) {}

  /**
   * What Jackson reads off a value of {@code type}: a record's components, else the public getters
   * and public fields of the class and its superclasses.
   */
  private List<Property> properties(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    List<Property> properties = new ArrayList<>();
    if (element.getKind() == ElementKind.ENUM) {
      return properties;
    }
    if (element.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : element.getRecordComponents()) {
        properties.add(
            new Property(component.getSimpleName().toString(), memberType(type, component)));
      }
      return properties;
    }
    Set<String> seen = new HashSet<>();
    for (TypeElement current = element;
        current != null && isUserClass(current.getQualifiedName().toString());
        current = superclass(current)) {
      for (Element member : current.getEnclosedElements()) {
        if (!member.getModifiers().contains(Modifier.PUBLIC)
            || member.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        if (member instanceof ExecutableElement method && method.getKind() == ElementKind.METHOD) {
          String property = propertyName(method);
          if (property != null && seen.add(property)) {
            properties.add(new Property(property, memberType(type, method)));
          }
        }
      }
      for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.PUBLIC)
            && !field.getModifiers().contains(Modifier.STATIC)
            && !field.getModifiers().contains(Modifier.TRANSIENT)
            && seen.add(field.getSimpleName().toString())) {
          properties.add(new Property(field.getSimpleName().toString(), memberType(type, field)));
        }
      }
    }
    return properties;
  }

  /** {@code getItems()} → {@code items}, {@code isPaid()} → {@code paid}; else {@code null}. */
  private static String propertyName(ExecutableElement method) {
    if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String name = method.getSimpleName().toString();
    int prefix =
        name.startsWith("get") && name.length() > 3
            ? 3
            : name.startsWith("is")
                    && name.length() > 2
                    && method.getReturnType().getKind() == TypeKind.BOOLEAN
                ? 2
                : 0;
    if (prefix == 0) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /** The type of a member as seen in {@code owner}, its type arguments substituted. */
  private TypeMirror memberType(DeclaredType owner, Element member) {
    Element target =
        member instanceof RecordComponentElement component ? component.getAccessor() : member;
    TypeMirror seen;
    try {
      seen = types.asMemberOf(owner, target);
    } catch (IllegalArgumentException notAMember) {
      seen = target.asType();
    }
    return seen instanceof ExecutableType method ? method.getReturnType() : seen;
  }
}
