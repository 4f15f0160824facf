package io.dyninka.processor.checking;

import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.checking.ErrorMessages.NotJson;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Which types can travel between services as JSON.
 *
 * <p>Jackson can encode almost anything, so this refuses only what is certain to be wrong: things
 * that live in one JVM (threads, streams, sockets, JDBC objects, Vert.x objects), lazy sequences,
 * functions, {@code Class}, and a {@code Future} or {@code Optional} anywhere but the top of a
 * return type. {@code Object} is allowed: it travels as untyped JSON (maps, lists, strings,
 * numbers, booleans). Subtypes of a refused type are refused too.
 */
final class JsonTypeRules {

  /** Refused types by qualified name, with why, in the order they are matched. */
  private static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    REFUSED.put("io.vertx.core.Future", NotJson.FUTURE);
    REFUSED.put("java.util.concurrent.Future", NotJson.FUTURE);
    REFUSED.put("java.util.concurrent.CompletionStage", NotJson.FUTURE);
    REFUSED.put("java.util.Optional", NotJson.OPTIONAL);
    REFUSED.put("java.lang.Class", NotJson.CLASS);
    REFUSED.put("java.lang.Thread", NotJson.THREAD);
    REFUSED.put("java.lang.ClassLoader", NotJson.CLASS_LOADER);
    REFUSED.put("java.io.InputStream", NotJson.STREAM);
    REFUSED.put("java.io.OutputStream", NotJson.STREAM);
    REFUSED.put("java.io.Reader", NotJson.STREAM);
    REFUSED.put("java.io.Writer", NotJson.STREAM);
    REFUSED.put("java.nio.channels.Channel", NotJson.STREAM);
    REFUSED.put("java.net.Socket", NotJson.SOCKET);
    REFUSED.put("java.net.ServerSocket", NotJson.SOCKET);
    REFUSED.put("java.net.DatagramSocket", NotJson.SOCKET);
    REFUSED.put("java.sql.Connection", NotJson.JDBC);
    REFUSED.put("java.sql.Statement", NotJson.JDBC);
    REFUSED.put("java.sql.ResultSet", NotJson.JDBC);
    REFUSED.put("io.vertx.core.Vertx", NotJson.VERTX);
    REFUSED.put("io.vertx.core.Context", NotJson.VERTX);
    REFUSED.put("io.vertx.core.Promise", NotJson.VERTX);
    REFUSED.put("io.vertx.core.streams.ReadStream", NotJson.VERTX);
    REFUSED.put("io.vertx.core.streams.WriteStream", NotJson.VERTX);
    REFUSED.put("java.util.stream.BaseStream", NotJson.LAZY);
    REFUSED.put("java.util.Iterator", NotJson.LAZY);
  }

  private final Types types;

  /**
   * The answers for classes without type arguments: the services of an app tend to take and return
   * the same few types, whose supertypes need not be walked each time. Kept for one round: by the
   * next, another processor may have generated a supertype that was missing.
   */
  private final Map<TypeElement, Optional<String>> plainClasses = new HashMap<>();

  JsonTypeRules(Types types) {
    this.types = types;
  }

  /** Forgets the answers of the last round. */
  void newRound() {
    plainClasses.clear();
  }

  /** Why an input type cannot travel as JSON, or empty when it can. */
  Optional<String> whyNotInput(TypeMirror type) {
    return whyNot(type);
  }

  /** Why a return type cannot travel as JSON, or empty when it can; unwraps Future and Optional. */
  Optional<String> whyNotOutput(TypeMirror returnType) {
    if (ReturnShape.of(returnType) == ReturnShape.VALUE) {
      return whyNot(returnType);
    }
    TypeMirror output = ReturnShape.output(returnType);
    return output == null ? Optional.of(NotJson.RAW_WRAPPER) : whyNot(output);
  }

  /**
   * Why the type of a member inside a payload (a record component, a property, an element) cannot
   * travel; an {@code Optional} member can, since the runtime's codec writes its content or null.
   */
  Optional<String> whyNotMember(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.util.Optional")
        && ((DeclaredType) type).getTypeArguments().size() == 1) {
      return whyNotMember(((DeclaredType) type).getTypeArguments().get(0));
    }
    return whyNot(type);
  }

  boolean isMap(DeclaredType type) {
    return lineage(type).contains("java.util.Map");
  }

  boolean isCollection(DeclaredType type) {
    return lineage(type).contains("java.lang.Iterable");
  }

  /** Vert.x's JSON types and the like, which Jackson writes as values of their own. */
  boolean isJsonValue(String qualifiedName) {
    return qualifiedName.startsWith("io.vertx.") || qualifiedName.startsWith("com.fasterxml.");
  }

  /** Whether Jackson can read a map key of {@code type}: strings, numbers, enums and the like. */
  boolean isMapKey(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return true;
    }
    Set<String> lineage = lineage((DeclaredType) type);
    return lineage.contains("java.lang.String")
        || lineage.contains("java.lang.Number")
        || lineage.contains("java.lang.Boolean")
        || lineage.contains("java.lang.Character")
        || lineage.contains("java.util.UUID");
  }

  private Optional<String> whyNot(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return whyNot(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return whyNot(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() == null
            ? Optional.empty()
            : whyNot(wildcard.getSuperBound());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        if (declared.getTypeArguments().isEmpty()) {
          TypeElement element = (TypeElement) declared.asElement();
          Optional<String> known = plainClasses.get(element);
          if (known == null) {
            known = whyNotDeclared(declared);
            plainClasses.put(element, known);
          }
          return known;
        }
        return whyNotDeclared(declared);
      default:
        // Primitives travel; error types are javac's to report.
        return Optional.empty();
    }
  }

  private Optional<String> whyNotDeclared(DeclaredType type) {
    Set<String> lineage = lineage(type);
    for (Map.Entry<String, String> entry : REFUSED.entrySet()) {
      if (lineage.contains(entry.getKey())) {
        return Optional.of(entry.getValue());
      }
    }
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.INTERFACE
        && element.getAnnotation(FunctionalInterface.class) != null) {
      return Optional.of(NotJson.FUNCTION);
    }
    for (TypeMirror argument : type.getTypeArguments()) {
      Optional<String> why = whyNot(argument);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /**
   * The qualified names of a type and all its supertypes. Matching names, rather than loading each
   * refused type to ask {@code isSubtype}, completes only classes the user's signatures already
   * name: loading {@code io.vertx.core.Vertx} for nothing makes javac warn about the Vert.x codegen
   * annotations missing from the class path.
   */
  private Set<String> lineage(DeclaredType type) {
    Set<String> names = new HashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>();
    pending.add(types.erasure(type));
    while (!pending.isEmpty()) {
      TypeMirror current = pending.remove();
      if (current.getKind() == TypeKind.DECLARED
          && names.add(
              ((TypeElement) ((DeclaredType) current).asElement()).getQualifiedName().toString())) {
        pending.addAll(types.directSupertypes(current));
      }
    }
    return names;
  }
}
