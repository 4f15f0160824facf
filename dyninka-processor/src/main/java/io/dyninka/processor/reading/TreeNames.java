package io.dyninka.processor.reading;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;

/** Names written as trees: {@code a.b.C} from identifiers and member selects. */
public final class TreeNames {

  private TreeNames() {}

  /**
   * The dotted name a tree spells, such as {@code SmartBuilding} or {@code org.example.Steps}, or
   * {@code null} when the tree is not a plain name (a call, a parameterized type, …).
   */
  public static String dottedName(Tree tree) {
    if (tree instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    if (tree instanceof MemberSelectTree select) {
      String qualifier = dottedName(select.getExpression());
      return qualifier == null ? null : qualifier + "." + select.getIdentifier();
    }
    return null;
  }

  /** {@code tree} without the parentheses around it. */
  public static Tree unparenthesized(Tree tree) {
    Tree current = tree;
    while (current instanceof ParenthesizedTree parenthesized) {
      current = parenthesized.getExpression();
    }
    return current;
  }
}
