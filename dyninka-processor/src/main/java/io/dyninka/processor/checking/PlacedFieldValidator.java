package io.dyninka.processor.checking;

import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import io.dyninka.Placed;
import io.dyninka.processor.base.KotlinSources;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.Suggestions;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.DeclarationPaths;
import io.dyninka.processor.reading.SourceSite;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Checks one {@code @Placed} field: static, placed on a {@code @Service} of its own class, and (a
 * warning) initialized with something harmless to run in every service's JVM.
 */
public final class PlacedFieldValidator {

  private final Elements elements;
  private final DeclarationPaths paths;

  /**
   * @param paths the declarations' trees; without the Compiler Tree API, initializers are not
   *     checked
   */
  public PlacedFieldValidator(Elements elements, DeclarationPaths paths) {
    this.elements = elements;
    this.paths = paths;
  }

  public ValidationReport validate(VariableElement field) {
    ValidationReport.Builder report = ValidationReport.builder();
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    String display = TypeDisplay.of(field);
    String service = Services.placedOn(field).orElseThrow();
    SourceSite onField = SourceSite.OnElement.of(field);
    if (!field.getModifiers().contains(Modifier.STATIC)) {
      report.error(
          KotlinSources.isKotlin(field)
              ? ErrorMessages.kotlinPlacedNotStatic(display)
              : ErrorMessages.placedNotStatic(display),
          onField);
    }
    List<String> names = Services.servicesOf(owner).stream().map(Services::serviceName).toList();
    if (!names.contains(service)) {
      report.error(
          ErrorMessages.placedOnUnknownService(display, service, TypeDisplay.of(owner))
              + Suggestions.closest(service, names).map(ErrorMessages::didYouMean).orElse(""),
          SourceSite.OnElement.of(field, Services.mirror(field, Placed.class).orElse(null)));
    }
    TreePath path = paths.of(field);
    if (path != null
        && path.getLeaf() instanceof VariableTree declaration
        && declaration.getInitializer() != null) {
      ConstantInitializers initializers =
          new ConstantInitializers(new FieldLookup(elements), owner, path.getCompilationUnit());
      if (!initializers.isHarmless(declaration.getInitializer())) {
        report.warning(ErrorMessages.placedInitializerNotConstant(display, service), onField);
      }
    }
    return report.build();
  }

  /**
   * Whether {@code field} is placed on a service its class declares; one that is not is reported
   * once, on the field, and not again at each use.
   */
  static boolean isPlacedOnKnownService(VariableElement field) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    return Services.placedOn(field)
        .filter(
            service ->
                Services.servicesOf(owner).stream()
                    .map(Services::serviceName)
                    .anyMatch(service::equals))
        .isPresent();
  }

  /** Whether {@code field} is state of {@code service}: placed on it, in the service's class. */
  static boolean isPlacedOn(VariableElement field, ExecutableElement service) {
    return field.getEnclosingElement().equals(service.getEnclosingElement())
        && Services.placedOn(field).filter(Services.serviceName(service)::equals).isPresent();
  }
}
