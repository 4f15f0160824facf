package io.dyninka.processor.checking;

import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.RawStep;
import io.dyninka.processor.reading.SourceSite;
import io.dyninka.processor.reading.StepTarget;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Warns about a {@code @Service} method of a {@code @Dataflow} class that no flow uses: no service
 * is generated for it, which is rarely what its author meant. A service counts as used when any app
 * of the compilation, in any round, uses it. A class with an app whose chain cannot be read whole
 * (a lambda step, a step that names no service, no chain or two) gets no such warning: its error is
 * the one to fix, and the "unused" service is often the one its author meant to name.
 */
public final class UnusedServiceValidator {

  private final Elements elements;

  /** The services used by some app of this compilation, by {@link #key}. */
  private final Set<String> used = new HashSet<>();

  public UnusedServiceValidator(Elements elements) {
    this.elements = elements;
  }

  /** The classes, by binary name, that have an app whose chain is in error. */
  private final Set<String> broken = new HashSet<>();

  /** Counts the services of {@code app} as used. */
  public void use(RawApp app) {
    app.services().forEach(service -> used.add(key(service)));
    if (!app.bodyReadable()
        || app.chains().size() != 1
        || app.allSteps().stream().anyMatch(UnusedServiceValidator::inError)) {
      broken.add(elements.getBinaryName(app.owner()).toString());
    }
  }

  /**
   * @param owner a class that declares at least one {@code @Dataflow} method
   */
  public ValidationReport validate(TypeElement owner) {
    ValidationReport.Builder report = ValidationReport.builder();
    if (broken.contains(elements.getBinaryName(owner).toString())) {
      return report.build();
    }
    for (ExecutableElement service : Services.servicesOf(owner)) {
      if (!used.contains(key(service))) {
        report.warning(
            ErrorMessages.unusedService(TypeDisplay.of(service), TypeDisplay.of(owner)),
            SourceSite.OnElement.of(service));
      }
    }
    return report.build();
  }

  /** A step that names no {@code @Service} method: a lambda, a typo, a plain method. */
  private static boolean inError(RawStep step) {
    return !(step.target() instanceof StepTarget.Method method)
        || !Services.isService(method.method());
  }

  /** A name for a method that stays the same across rounds. */
  private String key(ExecutableElement method) {
    return elements.getBinaryName((TypeElement) method.getEnclosingElement()) + "#" + method;
  }
}
