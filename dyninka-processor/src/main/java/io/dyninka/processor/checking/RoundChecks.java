package io.dyninka.processor.checking;

import static io.dyninka.processor.checking.ValidationReport.guarded;

import io.dyninka.processor.reading.DeclarationPaths;
import io.dyninka.processor.reading.RawApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The checks of a compilation, each element checked on its own and guarded: a service, a placed
 * field, and an app together with the reports of the services and placed fields it uses.
 */
public final class RoundChecks {

  private final ServiceValidator services;
  private final PlacedFieldValidator placedFields;
  private final PlacedAccessValidator placedAccess;
  private final DataflowValidator dataflows;
  private final StepInputValidator stepInputs;
  private final AppNameRegistry appNames = new AppNameRegistry();

  public RoundChecks(Elements elements, Types types, DeclarationPaths paths) {
    this.services = new ServiceValidator(types);
    this.placedFields = new PlacedFieldValidator(elements, paths);
    this.placedAccess = new PlacedAccessValidator(elements, paths);
    this.dataflows = new DataflowValidator(elements);
    this.stepInputs = new StepInputValidator(types);
  }

  /** Forgets what belongs to the last round (its types and trees). */
  public void newRound() {
    services.newRound();
    placedAccess.newRound();
  }

  public ValidationReport service(ExecutableElement service) {
    return guarded(
        service,
        () ->
            ValidationReport.merge(
                List.of(services.validate(service), placedAccess.validate(service))));
  }

  public ValidationReport placedField(VariableElement field) {
    return guarded(field, () -> placedFields.validate(field));
  }

  /**
   * The app's own report, with the reports of its services and of the placed fields of their
   * classes: an app is written only when all of them are clean.
   */
  public ValidationReport app(
      RawApp app,
      Map<ExecutableElement, ValidationReport> serviceReports,
      Map<VariableElement, ValidationReport> fieldReports) {
    return guarded(
        app.method(),
        () -> {
          List<ValidationReport> reports = new ArrayList<>();
          reports.add(dataflows.validate(app));
          reports.add(stepInputs.validate(app));
          reports.add(appNames.claim(app));
          for (ExecutableElement service : app.services()) {
            reports.add(serviceReports.getOrDefault(service, ValidationReport.empty()));
            for (VariableElement field :
                ElementFilter.fieldsIn(service.getEnclosingElement().getEnclosedElements())) {
              reports.add(fieldReports.getOrDefault(field, ValidationReport.empty()));
            }
          }
          return ValidationReport.merge(reports);
        });
  }
}
