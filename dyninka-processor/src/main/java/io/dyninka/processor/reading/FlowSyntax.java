package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Recognises calls of the {@code Flow} API by their names, since bodies are not attributed yet:
 * {@code Flow.from(…)}, {@code io.dyninka.Flow.zip(…)}, a statically imported {@code input(…)}, and
 * {@code .then(…)}, {@code .thenAsync(…)}, {@code .thenOptional(…)} on any receiver.
 */
final class FlowSyntax {

  static final String FLOW = "io.dyninka.Flow";
  private static final Set<String> FACTORIES = Set.of("from", "fromAsync", "input", "zip");
  private static final Set<String> STEPS = Set.of("then", "thenAsync", "thenOptional");

  private final TypeNameResolver types;
  private final TypeElement context;
  private final CompilationUnitTree unit;

  FlowSyntax(TypeNameResolver types, TypeElement context, CompilationUnitTree unit) {
    this.types = types;
    this.context = context;
    this.unit = unit;
  }

  /** Whether {@code call} is part of a chain: a factory call or a step call. */
  boolean isChainCall(MethodInvocationTree call) {
    return isFactoryCall(call) || isStepCall(call);
  }

  /** {@code Flow.from}, {@code Flow.fromAsync}, {@code Flow.input}, {@code Flow.zip}. */
  boolean isFactoryCall(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      return FACTORIES.contains(member.getIdentifier().toString())
          && namesFlow(member.getExpression());
    }
    if (select instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      return FACTORIES.contains(name) && staticallyImported(name);
    }
    return false;
  }

  /** {@code receiver.then(…)}, {@code .thenAsync(…)}, {@code .thenOptional(…)}. */
  boolean isStepCall(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree member
        && STEPS.contains(member.getIdentifier().toString())
        && !namesFlow(member.getExpression());
  }

  /** The simple name of the called method. */
  static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    return ((IdentifierTree) select).getName().toString();
  }

  private boolean namesFlow(ExpressionTree receiver) {
    String name = TreeNames.dottedName(receiver);
    if (name == null) {
      return false;
    }
    Optional<TypeElement> type = types.resolve(name, context, unit);
    if (type.isPresent()) {
      return type.get().getQualifiedName().contentEquals(FLOW);
    }
    // Not visible (a broken classpath): trust the spelling.
    return name.equals("Flow") || name.equals(FLOW);
  }

  private boolean staticallyImported(String name) {
    for (ImportTree imported : unit.getImports()) {
      String importedName = TreeNames.dottedName(imported.getQualifiedIdentifier());
      if (imported.isStatic()
          && (importedName.equals(FLOW + "." + name) || importedName.equals(FLOW + ".*"))) {
        return true;
      }
    }
    return false;
  }
}
