package io.dyninka.processor.checking;

import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.SourceSite;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Warns about a {@code @Service} method of a {@code @Dataflow} class that no flow uses: no service
 * is generated for it, which is rarely what its author meant.
 */
public final class UnusedServiceValidator {

  /**
   * @param owner a class that declares at least one {@code @Dataflow} method
   * @param used whether some app of this compilation uses a service method
   */
  public ValidationReport validate(TypeElement owner, Predicate<ExecutableElement> used) {
    ValidationReport.Builder report = ValidationReport.builder();
    for (ExecutableElement service : Services.servicesOf(owner)) {
      if (!used.test(service)) {
        report.warning(
            ErrorMessages.unusedService(TypeDisplay.of(service), TypeDisplay.of(owner)),
            SourceSite.OnElement.of(service));
      }
    }
    return report.build();
  }
}
