package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Resolves a type name as written in a source, before javac has attributed the method bodies: the
 * way a reader finds {@code X} in {@code X::m}.
 *
 * <p>The first segment is looked up in order: the enclosing class and its outer classes (and their
 * member types), the single-type imports, the same package, the on-demand imports, {@code
 * java.lang}; the remaining segments are member types. A name whose first segment is none of these
 * is taken as fully qualified.
 */
public final class TypeNameResolver {

  private final Elements elements;

  public TypeNameResolver(Elements elements) {
    this.elements = elements;
  }

  /**
   * The type {@code name} denotes when written inside {@code context}.
   *
   * @param unit the compilation unit of {@code context}, for its imports; {@code null} when the
   *     context comes from a class file
   */
  public Optional<TypeElement> resolve(String name, TypeElement context, CompilationUnitTree unit) {
    List<String> segments = Arrays.asList(name.split("\\."));
    Optional<TypeElement> first = resolveSimple(segments.get(0), context, unit);
    if (first.isPresent()) {
      return memberTypes(first.get(), segments.subList(1, segments.size()));
    }
    // A qualified name: the longest prefix that is a type, then member types.
    for (int end = segments.size(); end > 1; end--) {
      TypeElement prefix = elements.getTypeElement(String.join(".", segments.subList(0, end)));
      if (prefix != null) {
        return memberTypes(prefix, segments.subList(end, segments.size()));
      }
    }
    return Optional.empty();
  }

  private Optional<TypeElement> resolveSimple(
      String simpleName, TypeElement context, CompilationUnitTree unit) {
    for (Element scope = context; scope instanceof TypeElement type; ) {
      if (type.getSimpleName().contentEquals(simpleName)) {
        return Optional.of(type);
      }
      Optional<TypeElement> member = memberType(type, simpleName);
      if (member.isPresent()) {
        return member;
      }
      scope = type.getEnclosingElement();
    }
    if (unit != null) {
      for (ImportTree imported : unit.getImports()) {
        String importedName = TreeNames.dottedName(imported.getQualifiedIdentifier());
        if (!imported.isStatic()
            && importedName != null
            && importedName.endsWith("." + simpleName)) {
          TypeElement type = elements.getTypeElement(importedName);
          if (type != null) {
            return Optional.of(type);
          }
        }
      }
    }
    PackageElement pkg = elements.getPackageOf(context);
    String inPackage = pkg.isUnnamed() ? simpleName : pkg.getQualifiedName() + "." + simpleName;
    TypeElement samePackage = elements.getTypeElement(inPackage);
    if (samePackage != null) {
      return Optional.of(samePackage);
    }
    if (unit != null) {
      for (ImportTree imported : unit.getImports()) {
        String importedName = TreeNames.dottedName(imported.getQualifiedIdentifier());
        if (!imported.isStatic() && importedName != null && importedName.endsWith(".*")) {
          String onDemand = importedName.substring(0, importedName.length() - 1) + simpleName;
          TypeElement type = elements.getTypeElement(onDemand);
          if (type != null) {
            return Optional.of(type);
          }
        }
      }
    }
    return Optional.ofNullable(elements.getTypeElement("java.lang." + simpleName));
  }

  private Optional<TypeElement> memberTypes(TypeElement start, List<String> names) {
    TypeElement current = start;
    for (String name : names) {
      Optional<TypeElement> member = memberType(current, name);
      if (member.isEmpty()) {
        return Optional.empty();
      }
      current = member.get();
    }
    return Optional.of(current);
  }

  private Optional<TypeElement> memberType(TypeElement type, String simpleName) {
    return ElementFilter.typesIn(elements.getAllMembers(type)).stream()
        .filter(member -> member.getSimpleName().contentEquals(simpleName))
        .filter(member -> member.getKind() != ElementKind.TYPE_PARAMETER)
        .findFirst();
  }
}
