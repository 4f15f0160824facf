package io.dyninka.processor.checking;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.DeclarationPaths;
import io.dyninka.processor.reading.SourceSite;
import io.dyninka.processor.reading.TreeNames;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Checks that a service's body touches no {@code @Placed} field of another service: each service
 * runs in its own JVM, so such a field would be a stale copy there.
 *
 * <p>The body is scanned for simple names and {@code Type.field} selects that denote a placed
 * field, skipping names that a local, a parameter or a local class member shadows. Only the
 * service's own body is read, not the methods it calls. A service whose class comes from a class
 * file (an incremental build) has no tree, and is skipped.
 *
 * <p>Most names in a body are no placed field, so a name is first looked up (once per class and
 * round, see {@link FieldLookup}), and only a placed field is checked for shadowing by locals.
 *
 * <p>Elements belong to one round: call {@link #newRound()} at the start of each.
 */
public final class PlacedAccessValidator {

  private final Elements elements;
  private final DeclarationPaths paths;
  private FieldLookup fields;

  /**
   * @param paths the declarations' trees; without the Compiler Tree API, nothing is checked
   */
  public PlacedAccessValidator(Elements elements, DeclarationPaths paths) {
    this.elements = elements;
    this.paths = paths;
    this.fields = new FieldLookup(elements);
  }

  /** Forgets the lookups of the last round. */
  public void newRound() {
    fields = new FieldLookup(elements);
  }

  public ValidationReport validate(ExecutableElement service) {
    TreePath path = paths.of(service);
    if (path == null
        || !(path.getLeaf() instanceof MethodTree method)
        || method.getBody() == null) {
      return ValidationReport.empty();
    }
    ValidationReport.Builder report = ValidationReport.builder();
    new ReferenceScanner(service, method, path.getCompilationUnit(), report)
        .scan(new TreePath(path, method.getBody()), null);
    return report.build();
  }

  private final class ReferenceScanner extends TreePathScanner<Void, Void> {
    private final ExecutableElement service;
    private final TypeElement context;
    private final CompilationUnitTree unit;
    private final MethodTree method;
    private LocalNames locals;
    private final ValidationReport.Builder report;

    ReferenceScanner(
        ExecutableElement service,
        MethodTree method,
        CompilationUnitTree unit,
        ValidationReport.Builder report) {
      this.service = service;
      this.context = (TypeElement) service.getEnclosingElement();
      this.unit = unit;
      this.method = method;
      this.report = report;
    }

    @Override
    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
      if (!isCalledMethod(identifier)) {
        String name = identifier.getName().toString();
        Optional<VariableElement> field = fields.simpleName(name, context, unit);
        if (isPlaced(field) && !locals().isLocal(name, getCurrentPath())) {
          check(field.get(), identifier);
        }
      }
      return super.visitIdentifier(identifier, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree select, Void unused) {
      String qualifier = TreeNames.dottedName(select.getExpression());
      // A qualifier that is a local variable denotes an object, not a type (and looking it up as
      // a type would search every module for it).
      if (qualifier != null
          && !isCalledMethod(select)
          && !locals().isLocal(qualifier.split("\\.")[0], getCurrentPath())) {
        Optional<VariableElement> field =
            fields.qualified(
                select.getExpression(), select.getIdentifier().toString(), context, unit);
        if (isPlaced(field)) {
          check(field.get(), select);
        }
      }
      return super.visitMemberSelect(select, unused);
    }

    /** The method's local names, read when a reference first needs them. */
    private LocalNames locals() {
      if (locals == null) {
        locals = new LocalNames(method);
      }
      return locals;
    }

    /** Whether {@code name} is the method of a call ({@code average()}), not a field. */
    private boolean isCalledMethod(Tree name) {
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      return parent instanceof MethodInvocationTree call && call.getMethodSelect() == name;
    }

    private static boolean isPlaced(Optional<VariableElement> field) {
      return field.isPresent() && Services.placedOn(field.get()).isPresent();
    }

    private void check(VariableElement placed, Tree reference) {
      if (PlacedFieldValidator.isPlacedOn(placed, service)
          || !PlacedFieldValidator.isPlacedOnKnownService(placed)) {
        return;
      }
      String display = TypeDisplay.of(placed);
      report.error(
          ErrorMessages.placedFieldAccess(
              Services.serviceName(service),
              access(),
              display,
              Services.placedOn(placed).orElseThrow()),
          new SourceSite.InTree(reference, unit));
    }

    /** Whether the current reference writes the field or reads it. */
    private String access() {
      Tree reference = getCurrentPath().getLeaf();
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      boolean writes =
          (parent instanceof AssignmentTree assignment && assignment.getVariable() == reference)
              || (parent instanceof CompoundAssignmentTree compound
                  && compound.getVariable() == reference)
              || (parent instanceof UnaryTree unary
                  && unary.getExpression() == reference
                  && switch (unary.getKind()) {
                    case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                        true;
                    default -> false;
                  });
      return writes ? "writes" : "reads";
    }
  }
}
