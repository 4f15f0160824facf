package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberReferenceTree.ReferenceMode;
import com.sun.source.tree.Tree;
import io.dyninka.processor.base.Services;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Finds the method a step's argument names: {@code X::m} → the method {@code m} of type X. */
final class StepResolver {

  private final Elements elements;
  private final TypeNameResolver types;
  private final TypeElement context;
  private final CompilationUnitTree unit;

  StepResolver(
      Elements elements, TypeNameResolver types, TypeElement context, CompilationUnitTree unit) {
    this.elements = elements;
    this.types = types;
    this.context = context;
    this.unit = unit;
  }

  /**
   * @param argument the step's argument, {@code null} when the call has none
   * @param inputs how many inputs the step passes, to pick among overloads
   */
  StepTarget resolve(Tree argument, int inputs) {
    Tree tree = argument == null ? null : TreeNames.unparenthesized(argument);
    if (tree instanceof LambdaExpressionTree) {
      return new StepTarget.Lambda();
    }
    if (!(tree instanceof MemberReferenceTree reference)
        || reference.getMode() != ReferenceMode.INVOKE) {
      return new StepTarget.NotAMethodReference();
    }
    String typeName = TreeNames.dottedName(reference.getQualifierExpression());
    if (typeName == null) {
      return new StepTarget.NotAMethodReference();
    }
    Optional<TypeElement> type = types.resolve(typeName, context, unit);
    if (type.isEmpty()) {
      return new StepTarget.UnknownType(typeName);
    }
    return lookUp(type.get(), reference.getName().toString(), inputs);
  }

  private StepTarget lookUp(TypeElement type, String name, int inputs) {
    List<ExecutableElement> methods =
        ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
            .filter(method -> method.getSimpleName().contentEquals(name))
            .toList();
    if (methods.isEmpty()) {
      return new StepTarget.UnknownMethod(type, name);
    }
    List<ExecutableElement> services = methods.stream().filter(Services::isService).toList();
    if (services.isEmpty()) {
      return new StepTarget.Method(methods.get(0));
    }
    if (services.size() == 1) {
      return new StepTarget.Method(services.get(0));
    }
    List<ExecutableElement> fitting =
        services.stream().filter(method -> method.getParameters().size() == inputs).toList();
    return fitting.size() == 1
        ? new StepTarget.Method(fitting.get(0))
        : new StepTarget.AmbiguousMethod(type, name);
  }
}
