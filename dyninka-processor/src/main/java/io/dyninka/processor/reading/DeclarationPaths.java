package io.dyninka.processor.reading;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The tree paths of the methods and fields the processor reads, as {@link Trees#getPath(Element)}
 * gives them, found among the members of their class's tree.
 *
 * <p>{@code Trees.getPath} searches the whole compilation unit from its top on every call, twice
 * (once for the tree, once for its path): for the services and placed fields of a large class,
 * checking them cost time quadratic in the size of the class (benchmarks/compile-cost). Here each
 * class's path is looked up once per round, and a member is found by name (and, for a method, by
 * number of parameters) among that class's members. An ambiguous or missing match (overloads with
 * as many parameters, a member without a tree) falls back to {@code Trees.getPath}.
 *
 * <p>Trees and elements belong to one round: call {@link #newRound()} at the start of each.
 */
public final class DeclarationPaths {

  private final Trees trees;
  private final Map<TypeElement, Optional<TreePath>> classes = new HashMap<>();

  /**
   * @param trees the Compiler Tree API, or {@code null} when the compiler does not offer it: then
   *     no element has a path
   */
  public DeclarationPaths(Trees trees) {
    this.trees = trees;
  }

  /** Forgets the paths of the last round. */
  public void newRound() {
    classes.clear();
  }

  /** The path of the declaration of {@code element}, or {@code null} when it has no tree. */
  public TreePath of(Element element) {
    if (trees == null) {
      return null;
    }
    ElementKind kind = element.getKind();
    if ((kind != ElementKind.METHOD && kind != ElementKind.FIELD)
        || !(element.getEnclosingElement() instanceof TypeElement type)) {
      return trees.getPath(element);
    }
    TreePath classPath =
        classes.computeIfAbsent(type, t -> Optional.ofNullable(trees.getPath(t))).orElse(null);
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree declaration)) {
      return trees.getPath(element);
    }
    Tree found = null;
    for (Tree member : declaration.getMembers()) {
      if (declares(member, element)) {
        if (found != null) {
          return trees.getPath(element);
        }
        found = member;
      }
    }
    return found == null ? trees.getPath(element) : new TreePath(classPath, found);
  }

  private static boolean declares(Tree member, Element element) {
    if (member instanceof MethodTree method) {
      return element instanceof ExecutableElement executable
          && method.getName().contentEquals(element.getSimpleName())
          && method.getParameters().size() == executable.getParameters().size();
    }
    return member instanceof VariableTree field
        && element.getKind() == ElementKind.FIELD
        && field.getName().contentEquals(element.getSimpleName());
  }
}
