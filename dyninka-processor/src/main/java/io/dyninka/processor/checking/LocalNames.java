package io.dyninka.processor.checking;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a simple name at some place of a method body denotes a local variable, a parameter or a
 * member of a local class rather than a field of the enclosing classes: the shadowing rules of
 * Java, read from the tree since bodies are not attributed yet.
 *
 * <p>Pattern variables ({@code o instanceof Reading r}) have flow-dependent scopes; a name bound by
 * a pattern anywhere in the method is taken as local everywhere in it, which can only miss a
 * reference, never invent one.
 */
final class LocalNames {

  private final MethodTree method;
  private final Set<String> patternNames = new HashSet<>();

  LocalNames(MethodTree method) {
    this.method = method;
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree pattern, Void unused) {
        patternNames.add(pattern.getVariable().getName().toString());
        return super.visitBindingPattern(pattern, unused);
      }
    }.scan(method, null);
  }

  /** Whether {@code name} at {@code path} (a path inside {@link #method}) is a local name. */
  boolean isLocal(String name, TreePath path) {
    if (patternNames.contains(name)) {
      return true;
    }
    Tree child = path.getLeaf();
    for (TreePath scope = path.getParentPath(); scope != null; scope = scope.getParentPath()) {
      Tree tree = scope.getLeaf();
      if (declares(tree, child, name)) {
        return true;
      }
      if (tree == method) {
        return false;
      }
      child = tree;
    }
    return false;
  }

  /** Whether {@code scope} declares {@code name} where {@code child} (one of its parts) sees it. */
  private static boolean declares(Tree scope, Tree child, String name) {
    if (scope instanceof MethodTree m) {
      return anyNamed(m.getParameters(), name);
    }
    if (scope instanceof LambdaExpressionTree lambda) {
      return anyNamed(lambda.getParameters(), name);
    }
    if (scope instanceof BlockTree block) {
      return declaredBefore(block.getStatements(), child, name);
    }
    if (scope instanceof CaseTree kase) {
      return kase.getStatements() != null && declaredBefore(kase.getStatements(), child, name);
    }
    if (scope instanceof ForLoopTree loop) {
      List<? extends StatementTree> initializer = loop.getInitializer();
      return initializer.contains(child)
          ? declaredBefore(initializer, child, name)
          : initializer.stream().anyMatch(statement -> isVariableNamed(statement, name));
    }
    if (scope instanceof EnhancedForLoopTree loop) {
      return child != loop.getExpression() && isVariableNamed(loop.getVariable(), name);
    }
    if (scope instanceof CatchTree katch) {
      return isVariableNamed(katch.getParameter(), name);
    }
    if (scope instanceof TryTree attempt) {
      return attempt.getResources().stream()
          .anyMatch(resource -> resource != child && isVariableNamed(resource, name));
    }
    if (scope instanceof ClassTree local) {
      // A local or anonymous class: its own fields shadow the outer ones.
      return local.getMembers().stream().anyMatch(member -> isVariableNamed(member, name));
    }
    return false;
  }

  private static boolean declaredBefore(
      List<? extends StatementTree> statements, Tree child, String name) {
    for (StatementTree statement : statements) {
      if (statement == child) {
        // The declaration being initialised is in scope in its own initializer, as javac says.
        return isVariableNamed(statement, name);
      }
      if (isVariableNamed(statement, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyNamed(List<? extends VariableTree> variables, String name) {
    return variables.stream().anyMatch(variable -> variable.getName().contentEquals(name));
  }

  private static boolean isVariableNamed(Tree tree, String name) {
    return tree instanceof VariableTree variable && variable.getName().contentEquals(name);
  }
}
