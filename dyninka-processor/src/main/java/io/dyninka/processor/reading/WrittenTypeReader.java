package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import javax.lang.model.element.TypeElement;

/**
 * Reads the item types written in a {@code @Dataflow} body: {@code Flow<Rate>} of a local's
 * declaration, {@code Rate.class} of {@code Flow.input}.
 */
final class WrittenTypeReader {

  private final TypeNameResolver types;
  private final TypeElement context;
  private final CompilationUnitTree unit;

  WrittenTypeReader(TypeNameResolver types, TypeElement context, CompilationUnitTree unit) {
    this.types = types;
    this.context = context;
    this.unit = unit;
  }

  /**
   * The item type of a Flow local: {@code Rate} of {@code Flow<Rate> rate}, none for {@code var}.
   */
  WrittenType ofVariable(VariableTree variable) {
    // Before attribution javac's tree has no type for a local declared with var.
    Tree type = variable.getType();
    if (type == null) {
      return new WrittenType.Inferred();
    }
    if (type instanceof ParameterizedTypeTree parameterized
        && parameterized.getTypeArguments().size() == 1) {
      return named(parameterized.getTypeArguments().get(0));
    }
    return new WrittenType.Unknown();
  }

  /** The type of {@code Flow.input}'s argument: {@code Rate} of {@code Rate.class}. */
  WrittenType ofClassLiteral(ExpressionTree argument) {
    return TreeNames.unparenthesized(argument) instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("class")
        ? named(select.getExpression())
        : new WrittenType.Unknown();
  }

  private WrittenType named(Tree tree) {
    String name = TreeNames.dottedName(tree);
    if (name == null) {
      return new WrittenType.Unknown();
    }
    return types
        .resolve(name, context, unit)
        .<WrittenType>map(WrittenType.Named::new)
        .orElseGet(WrittenType.Unknown::new);
  }
}
