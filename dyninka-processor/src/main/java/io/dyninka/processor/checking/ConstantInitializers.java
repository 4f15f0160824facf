package io.dyninka.processor.checking;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import io.dyninka.processor.reading.TreeNames;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Whether a {@code @Placed} initializer is harmless to run in every service's JVM.
 *
 * <p>Harmless: compile-time constants (literals, constant fields, enum constants and operators on
 * them, {@code null}), arrays of them, and a no-argument {@code new} of a JDK class such as {@code
 * new HashMap<>()} or {@code new AtomicLong()}, which only allocates. Anything else (a method call,
 * a constructor of a user class) may open connections or read files in every service of the class,
 * and is worth a warning.
 */
final class ConstantInitializers {

  private final FieldLookup fields;
  private final TypeElement context;
  private final CompilationUnitTree unit;

  ConstantInitializers(FieldLookup fields, TypeElement context, CompilationUnitTree unit) {
    this.fields = fields;
    this.context = context;
    this.unit = unit;
  }

  boolean isHarmless(ExpressionTree expression) {
    if (expression instanceof LiteralTree) {
      return true;
    }
    if (expression instanceof ParenthesizedTree parenthesized) {
      return isHarmless(parenthesized.getExpression());
    }
    if (expression instanceof TypeCastTree cast) {
      return isHarmless(cast.getExpression());
    }
    if (expression instanceof UnaryTree unary) {
      return !isIncrementOrDecrement(unary) && isHarmless(unary.getExpression());
    }
    if (expression instanceof BinaryTree binary) {
      return isHarmless(binary.getLeftOperand()) && isHarmless(binary.getRightOperand());
    }
    if (expression instanceof ConditionalExpressionTree conditional) {
      return isHarmless(conditional.getCondition())
          && isHarmless(conditional.getTrueExpression())
          && isHarmless(conditional.getFalseExpression());
    }
    if (expression instanceof IdentifierTree identifier) {
      return isConstant(fields.simpleName(identifier.getName().toString(), context, unit));
    }
    if (expression instanceof MemberSelectTree select) {
      return isConstant(
          fields.qualified(
              select.getExpression(), select.getIdentifier().toString(), context, unit));
    }
    if (expression instanceof NewArrayTree array) {
      return allHarmless(array.getDimensions()) && allHarmless(array.getInitializers());
    }
    if (expression instanceof NewClassTree creation) {
      return creation.getArguments().isEmpty()
          && creation.getClassBody() == null
          && isJdkType(creation.getIdentifier());
    }
    return false;
  }

  private boolean allHarmless(List<? extends ExpressionTree> expressions) {
    return expressions == null || expressions.stream().allMatch(this::isHarmless);
  }

  private static boolean isIncrementOrDecrement(UnaryTree unary) {
    return switch (unary.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  private static boolean isConstant(Optional<VariableElement> field) {
    return field
        .filter(f -> f.getConstantValue() != null || f.getKind() == ElementKind.ENUM_CONSTANT)
        .isPresent();
  }

  private boolean isJdkType(Tree type) {
    Tree raw = type instanceof ParameterizedTypeTree generic ? generic.getType() : type;
    String name = TreeNames.dottedName(raw);
    return name != null
        && fields
            .types()
            .resolve(name, context, unit)
            .filter(t -> t.getQualifiedName().toString().startsWith("java."))
            .isPresent();
  }
}
