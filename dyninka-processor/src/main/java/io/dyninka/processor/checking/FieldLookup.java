package io.dyninka.processor.checking;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import io.dyninka.processor.reading.TreeNames;
import io.dyninka.processor.reading.TypeNameResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the field a name denotes in a source, before attribution: a simple name in the enclosing
 * classes or the static imports, or {@code Type.name}. One lookup serves one round: it keeps the
 * fields of each type it visits and each answer it gave, since the bodies of a class name the same
 * few names again and again (a large class was otherwise looked up once per name per service).
 */
final class FieldLookup {

  private final Elements elements;
  private final TypeNameResolver types;
  private final Map<TypeElement, List<VariableElement>> fields = new HashMap<>();

  /** By context, then by the name as written: {@code count} or {@code Counters.count}. */
  private final Map<TypeElement, Map<String, Optional<VariableElement>>> answers = new HashMap<>();

  FieldLookup(Elements elements) {
    this.elements = elements;
    this.types = new TypeNameResolver(elements);
  }

  TypeNameResolver types() {
    return types;
  }

  /**
   * The field a simple name denotes inside {@code context} (locals are the caller's concern).
   *
   * @param unit the compilation unit of {@code context}, {@code null} when it comes from a class
   *     file
   */
  Optional<VariableElement> simpleName(String name, TypeElement context, CompilationUnitTree unit) {
    return answersIn(context).computeIfAbsent(name, key -> findSimpleName(name, context, unit));
  }

  private Optional<VariableElement> findSimpleName(
      String name, TypeElement context, CompilationUnitTree unit) {
    for (Element scope = context; scope instanceof TypeElement type; ) {
      Optional<VariableElement> field = fieldOf(type, name);
      if (field.isPresent()) {
        return field;
      }
      scope = type.getEnclosingElement();
    }
    if (unit == null) {
      return Optional.empty();
    }
    for (ImportTree imported : unit.getImports()) {
      if (!imported.isStatic()
          || !(imported.getQualifiedIdentifier() instanceof MemberSelectTree member)) {
        continue;
      }
      String memberName = member.getIdentifier().toString();
      if (memberName.equals(name) || memberName.equals("*")) {
        String owner = TreeNames.dottedName(member.getExpression());
        Optional<VariableElement> field =
            owner == null
                ? Optional.empty()
                : types.resolve(owner, context, unit).flatMap(type -> fieldOf(type, name));
        if (field.isPresent()) {
          return field;
        }
      }
    }
    return Optional.empty();
  }

  /** The field {@code Type.name} denotes, when {@code qualifier} names a type. */
  Optional<VariableElement> qualified(
      Tree qualifier, String name, TypeElement context, CompilationUnitTree unit) {
    String typeName = TreeNames.dottedName(qualifier);
    if (typeName == null) {
      return Optional.empty();
    }
    return answersIn(context)
        .computeIfAbsent(
            typeName + "." + name,
            key -> types.resolve(typeName, context, unit).flatMap(type -> fieldOf(type, name)));
  }

  private Map<String, Optional<VariableElement>> answersIn(TypeElement context) {
    return answers.computeIfAbsent(context, key -> new HashMap<>());
  }

  private Optional<VariableElement> fieldOf(TypeElement type, String name) {
    return fields
        .computeIfAbsent(type, t -> ElementFilter.fieldsIn(elements.getAllMembers(t)))
        .stream()
        .filter(field -> field.getSimpleName().contentEquals(name))
        .findFirst();
  }
}
