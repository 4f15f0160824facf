package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code Flow} chains of one {@code @Dataflow} method body. */
final class ChainParser {

  private final FlowSyntax syntax;
  private final StepResolver steps;
  private final CompilationUnitTree unit;

  ChainParser(FlowSyntax syntax, StepResolver steps, CompilationUnitTree unit) {
    this.syntax = syntax;
    this.steps = steps;
    this.unit = unit;
  }

  /**
   * Every outermost chain expression of the body, wherever it stands (returned, assigned to a
   * local, an expression statement). A chain split over locals shows up as several chains.
   */
  List<RawChain> chainsOf(MethodTree method) {
    List<RawChain> chains = new ArrayList<>();
    if (method.getBody() == null) {
      return chains;
    }
    new TreeScanner<Void, Void>() {
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
    return new RawChain(new RawHead.Unknown(site), List.of(), site);
  }

  private RawHead head(MethodInvocationTree call) {
    switch (FlowSyntax.methodName(call)) {
      case "input":
        return new RawHead.RequestBody(new SourceSite.InTree(call, unit));
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
        where.toString());
  }
}
