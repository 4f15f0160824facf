package io.dyninka.processor.reading;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Where something was written: the most specific place a diagnostic about it can stand on. */
public sealed interface SourceSite {

  /** A tree inside a method body, such as the method reference of one step. */
  record InTree(Tree tree, CompilationUnitTree unit) implements SourceSite {}

  /**
   * An element, optionally narrowed to one of its annotations and to one value of it (such as one
   * name of {@code @Dataflow(steps)}).
   */
  record OnElement(Element element, AnnotationMirror annotation, AnnotationValue value)
      implements SourceSite {

    public static OnElement of(Element element) {
      return new OnElement(element, null, null);
    }

    public static OnElement of(Element element, AnnotationMirror annotation) {
      return new OnElement(element, annotation, null);
    }
  }
}
