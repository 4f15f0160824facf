package io.dyninka.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import io.dyninka.processor.checking.ValidationReport;
import io.dyninka.processor.reading.SourceSite;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;

/**
 * Prints reports, each diagnostic once: a service shared by two apps, or an app read again in a
 * later round, would otherwise repeat its diagnostics.
 */
final class ReportPrinter {

  private final Messager messager;
  private final Trees trees;
  private final Set<String> printed = new HashSet<>();

  ReportPrinter(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  void print(ValidationReport report) {
    for (ValidationReport.Item item : report.items()) {
      if (printed.add(item.kind() + "|" + item.message() + "|" + key(item.site()))) {
        print(item);
      }
    }
  }

  private void print(ValidationReport.Item item) {
    if (item.site() instanceof SourceSite.InTree inTree) {
      trees.printMessage(item.kind(), item.message(), inTree.tree(), inTree.unit());
      return;
    }
    SourceSite.OnElement on = (SourceSite.OnElement) item.site();
    if (on.annotation() == null) {
      messager.printMessage(item.kind(), item.message(), on.element());
    } else if (on.value() == null) {
      messager.printMessage(item.kind(), item.message(), on.element(), on.annotation());
    } else {
      messager.printMessage(item.kind(), item.message(), on.element(), on.annotation(), on.value());
    }
  }

  /**
   * A place that stays the same across rounds (javac may hand out new element and tree objects in
   * each round).
   */
  private String key(SourceSite site) {
    if (site instanceof SourceSite.InTree inTree) {
      CompilationUnitTree unit = inTree.unit();
      long start = trees.getSourcePositions().getStartPosition(unit, inTree.tree());
      return unit.getSourceFile().toUri() + "@" + start;
    }
    SourceSite.OnElement on = (SourceSite.OnElement) site;
    return path(on.element()) + "|" + on.annotation() + "|" + on.value();
  }

  private static String path(Element element) {
    if (element == null || element instanceof PackageElement) {
      return element == null ? "" : element.toString();
    }
    String name =
        element instanceof QualifiedNameable qualified
            ? qualified.getQualifiedName().toString()
            : element.getKind() + ":" + element;
    return path(element.getEnclosingElement()) + "/" + name;
  }
}
