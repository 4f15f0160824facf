package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import io.dyninka.Dataflow;
import io.dyninka.processor.base.KotlinSources;
import io.dyninka.processor.reading.RawApp.Origin;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Phase entry point: reads one {@code @Dataflow} method into a {@link RawApp}. */
public final class DataflowReader {

  private final Elements elements;
  private final DeclarationPaths paths;
  private final TypeNameResolver types;

  /**
   * @param paths the declarations' trees; without the Compiler Tree API, only
   *     {@code @Dataflow(steps)} can be read
   */
  public DataflowReader(Elements elements, DeclarationPaths paths) {
    this.elements = elements;
    this.paths = paths;
    this.types = new TypeNameResolver(elements);
  }

  public RawApp read(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Dataflow dataflow = method.getAnnotation(Dataflow.class);
    if (dataflow.steps().length > 0) {
      RawChain chain = new StepsParser().parse(method, owner);
      return new RawApp(method, owner, dataflow.name(), Origin.STEPS, true, List.of(chain));
    }
    // kapt's stubs of Kotlin sources have trees, but no function bodies to read a chain from.
    TreePath path = KotlinSources.isKotlin(owner) ? null : paths.of(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree body)) {
      return new RawApp(method, owner, dataflow.name(), Origin.BODY, false, List.of());
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    ChainParser parser =
        new ChainParser(
            new FlowSyntax(types, owner, unit),
            new StepResolver(elements, types, owner, unit),
            new WrittenTypeReader(types, owner, unit),
            unit);
    List<RawChain> chains = parser.chainsOf(body);
    return new RawApp(
        method, owner, dataflow.name(), Origin.BODY, true, chains, parser.variables());
  }
}
