package io.dyninka.processor.reading;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code Flow} chains of one {@code @Dataflow} method body, and the local {@code Flow}
 * variables they use: a local whose initializer is a chain is a named sub-flow, read once.
 *
 * <p>One parser reads one body: it keeps the variables declared so far.
 */
final class ChainParser {

  private final FlowSyntax syntax;
  private final StepResolver steps;
  private final WrittenTypeReader writtenTypes;
  private final CompilationUnitTree unit;

  /** The Flow variables in scope, by name: a later declaration of a name hides an earlier one. */
  private final Map<String, FlowVariable> variables = new HashMap<>();

  private final List<FlowVariable> declared = new ArrayList<>();

  /** The variable whose initializer is being read: a use of it there is a cycle. */
  private String defining;

  ChainParser(
      FlowSyntax syntax,
      StepResolver steps,
      WrittenTypeReader writtenTypes,
      CompilationUnitTree unit) {
    this.syntax = syntax;
    this.steps = steps;
    this.writtenTypes = writtenTypes;
    this.unit = unit;
  }

  /**
   * Every outermost chain expression of the body that is not a Flow variable's initializer,
   * wherever it stands (returned, an expression statement), and a returned Flow variable.
   */
  List<RawChain> chainsOf(MethodTree method) {
    List<RawChain> chains = new ArrayList<>();
    if (method.getBody() == null) {
      return chains;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        ExpressionTree initializer = variable.getInitializer();
        if (initializer == null || !isChain(initializer)) {
          return super.visitVariable(variable, unused);
        }
        String name = variable.getName().toString();
        FlowVariable flow =
            new FlowVariable(
                name, new SourceSite.InTree(variable, unit), writtenTypes.ofVariable(variable));
        defining = name;
        flow.define(parse(initializer));
        defining = null;
        variables.put(name, flow);
        declared.add(flow);
        return null;
      }

      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        FlowVariable flow = variableNamed(assignment.getVariable());
        if (flow == null) {
          return super.visitAssignment(assignment, unused);
        }
        // Not read as a chain of its own: the reassignment is the one mistake to report.
        flow.reassigned(new SourceSite.InTree(assignment, unit));
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree returned, Void unused) {
        if (returned.getExpression() != null && variableNamed(returned.getExpression()) != null) {
          chains.add(parse(returned.getExpression()));
          return null;
        }
        return super.visitReturn(returned, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (syntax.isChainCall(call)) {
          chains.add(parse(call));
          return null; // its inner calls belong to this chain
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(method.getBody(), null);
    return chains;
  }

  /** The Flow variables the body declares, in source order. */
  List<FlowVariable> variables() {
    return List.copyOf(declared);
  }

  /** Whether {@code expression} is a chain: a Flow call, or a Flow variable (an alias). */
  private boolean isChain(ExpressionTree expression) {
    Tree tree = TreeNames.unparenthesized(expression);
    return (tree instanceof MethodInvocationTree call && syntax.isChainCall(call))
        || variableNamed(expression) != null;
  }

  /** The Flow variable {@code expression} names, or null. */
  private FlowVariable variableNamed(ExpressionTree expression) {
    return TreeNames.unparenthesized(expression) instanceof IdentifierTree identifier
        ? variables.get(identifier.getName().toString())
        : null;
  }

  private RawChain parse(ExpressionTree expression) {
    Tree tree = TreeNames.unparenthesized(expression);
    SourceSite site = new SourceSite.InTree(tree, unit);
    if (tree instanceof MethodInvocationTree call) {
      if (syntax.isStepCall(call)) {
        RawChain upstream = parse(((MemberSelectTree) call.getMethodSelect()).getExpression());
        return upstream.plus(step(call, 0), site);
      }
      if (syntax.isFactoryCall(call)) {
        return new RawChain(head(call), List.of(), site);
      }
    }
    if (tree instanceof IdentifierTree identifier) {
      String name = identifier.getName().toString();
      if (name.equals(defining)) {
        return new RawChain(new RawHead.CyclicVariable(name, site), List.of(), site);
      }
      FlowVariable flow = variables.get(name);
      if (flow != null) {
        flow.used();
        return new RawChain(new RawHead.Variable(flow, site), List.of(), site);
      }
    }
    return new RawChain(new RawHead.Unknown(site), List.of(), site);
  }

  private RawHead head(MethodInvocationTree call) {
    switch (FlowSyntax.methodName(call)) {
      case "input":
        return new RawHead.RequestBody(
            new SourceSite.InTree(call, unit),
            call.getArguments().size() == 1 && call.getTypeArguments().isEmpty()
                ? writtenTypes.ofClassLiteral(call.getArguments().get(0))
                : new WrittenType.Unknown());
      case "zip":
        List<? extends ExpressionTree> arguments = call.getArguments();
        if (arguments.size() != 3) {
          return new RawHead.Unknown(new SourceSite.InTree(call, unit));
        }
        return new RawHead.Zip(parse(arguments.get(0)), parse(arguments.get(1)), step(call, 2));
      default:
        return new RawHead.Source(step(call, 0));
    }
  }

  /** The step whose service is the {@code index}-th argument of {@code call}. */
  private RawStep step(MethodInvocationTree call, int index) {
    StepKind kind = StepKind.ofMethodName(FlowSyntax.methodName(call));
    List<? extends ExpressionTree> arguments = call.getArguments();
    Tree argument = arguments.size() > index ? arguments.get(index) : null;
    Tree where = argument == null ? call : argument;
    return new RawStep(
        kind,
        steps.resolve(argument, kind.inputs()),
        new SourceSite.InTree(where, unit),
        where.toString(),
        !call.getTypeArguments().isEmpty());
  }
}
