package io.dyninka.processor.checking;

import io.dyninka.Dataflow;
import io.dyninka.processor.base.KotlinSources;
import io.dyninka.processor.base.Names;
import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.Suggestions;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.FlowVariable;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.RawChain;
import io.dyninka.processor.reading.RawHead;
import io.dyninka.processor.reading.RawStep;
import io.dyninka.processor.reading.SourceSite;
import io.dyninka.processor.reading.StepKind;
import io.dyninka.processor.reading.StepTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks one app as read: one chain, every step a method reference to a {@code @Service} method
 * that fits the Flow method that takes it and that its generated class can call, each service used
 * once, distinct service names, and a valid app name.
 */
public final class DataflowValidator {

  private final Elements elements;

  public DataflowValidator(Elements elements) {
    this.elements = elements;
  }

  public ValidationReport validate(RawApp app) {
    ValidationReport.Builder report = ValidationReport.builder();
    String method = TypeDisplay.of(app.method());
    SourceSite onMethod = SourceSite.OnElement.of(app.method());
    if (!app.bodyReadable()) {
      report.error(
          KotlinSources.isKotlin(app.owner())
              ? ErrorMessages.kotlinBodyNotReadable(method)
              : ErrorMessages.bodyNotReadable(method),
          onMethod);
      return report.build();
    }
    if (app.chains().isEmpty()) {
      report.error(ErrorMessages.noChain(method), onMethod);
    }
    for (int i = 1; i < app.chains().size(); i++) {
      report.error(ErrorMessages.moreThanOneChain(method), app.chains().get(i).site());
    }
    checkVariables(app, report);
    PackageElement generatedPackage = elements.getPackageOf(app.owner());
    for (RawChain chain : app.chains()) {
      checkChain(chain, report);
      for (RawStep step : chain.allSteps()) {
        checkStep(step, app, generatedPackage, report);
      }
    }
    checkNames(app, report);
    return report.build();
  }

  /** A Flow variable is assigned once, and used; one that is not used is only a warning. */
  private static void checkVariables(RawApp app, ValidationReport.Builder report) {
    for (FlowVariable variable : app.variables()) {
      for (SourceSite reassignment : variable.reassignments()) {
        report.error(ErrorMessages.flowVariableReassigned(variable.name()), reassignment);
      }
      if (variable.uses() == 0 && variable.reassignments().isEmpty()) {
        report.warning(ErrorMessages.flowVariableUnused(variable.name()), variable.declaration());
      }
    }
  }

  private void checkChain(RawChain chain, ValidationReport.Builder report) {
    checkHeads(chain, new HashSet<>(), report);
    if (chain.allSteps().isEmpty()) {
      report.error(ErrorMessages.chainWithoutService(), chain.site());
    }
  }

  /**
   * Every head, zip branches and Flow variables included (each variable once, however often it is
   * used), must be a Flow factory; a branch may be a bare input.
   */
  private void checkHeads(RawChain chain, Set<FlowVariable> seen, ValidationReport.Builder report) {
    if (chain.head() instanceof RawHead.Unknown unknown) {
      report.error(ErrorMessages.unknownChainHead(), unknown.site());
    } else if (chain.head() instanceof RawHead.CyclicVariable cyclic) {
      report.error(ErrorMessages.flowVariableCycle(cyclic.name()), cyclic.site());
    } else if (chain.head() instanceof RawHead.Variable use && seen.add(use.variable())) {
      checkHeads(use.variable().chain(), seen, report);
    } else if (chain.head() instanceof RawHead.Zip zip) {
      checkHeads(zip.first(), seen, report);
      checkHeads(zip.second(), seen, report);
    }
  }

  private void checkStep(
      RawStep step, RawApp app, PackageElement generatedPackage, ValidationReport.Builder report) {
    StepTarget target = step.target();
    SourceSite site = step.site();
    String text = step.text();
    if (target instanceof StepTarget.Lambda) {
      report.error(ErrorMessages.lambdaStep(), site);
    } else if (target instanceof StepTarget.NotAMethodReference) {
      report.error(ErrorMessages.notAMethodReference(text), site);
    } else if (target instanceof StepTarget.UnknownType unknown) {
      report.error(ErrorMessages.unknownType(text, unknown.typeName()), site);
    } else if (target instanceof StepTarget.UnknownMethod unknown) {
      report.error(
          ErrorMessages.unknownMethod(
                  text, unknown.type().getSimpleName().toString(), unknown.name())
              + didYouMean(
                  unknown.name(),
                  Services.servicesOf(unknown.type()).stream()
                      .map(service -> service.getSimpleName().toString())
                      .toList()),
          site);
    } else if (target instanceof StepTarget.AmbiguousMethod ambiguous) {
      report.error(
          ErrorMessages.ambiguousService(
              text, ambiguous.type().getSimpleName().toString(), ambiguous.name()),
          site);
    } else if (target instanceof StepTarget.UnknownService unknown) {
      report.error(
          ErrorMessages.unknownStepService(unknown.name(), TypeDisplay.of(app.owner()))
              + didYouMean(
                  unknown.name(),
                  Services.servicesOf(app.owner()).stream().map(Services::serviceName).toList()),
          site);
    } else if (target instanceof StepTarget.Method m) {
      checkService(step, m.method(), generatedPackage, report);
    }
  }

  private void checkService(
      RawStep step,
      ExecutableElement method,
      PackageElement generatedPackage,
      ValidationReport.Builder report) {
    if (!Services.isService(method)) {
      report.error(ErrorMessages.notAService(step.text(), TypeDisplay.of(method)), step.site());
      return;
    }
    StepKind kind = step.kind();
    int parameters = method.getParameters().size();
    if (parameters != kind.inputs()) {
      report.error(
          ErrorMessages.wrongArity(
              step.text(), Services.serviceName(method), parameters, kind.inputs()),
          step.site());
    }
    ReturnShape shape = ReturnShape.of(method.getReturnType());
    if (shape != kind.shape()) {
      report.error(
          ErrorMessages.wrongStepKind(
              step.text(),
              TypeDisplay.of(method.getReturnType()),
              kind.written(),
              fix(kind, shape, step.text())),
          step.site());
    }
    if (!method.getModifiers().contains(Modifier.PRIVATE)
        && !visibleFrom(method, generatedPackage)) {
      report.error(
          ErrorMessages.serviceNotAccessible(
              TypeDisplay.of(method), generatedPackage.getQualifiedName().toString()),
          step.site());
    }
  }

  /** {@code "; did you mean 'x'?"} for a known name close to {@code name}, else nothing. */
  private static String didYouMean(String name, List<String> known) {
    return Suggestions.closest(name, known).map(ErrorMessages::didYouMean).orElse("");
  }

  private static String fix(StepKind kind, ReturnShape shape, String text) {
    if (kind == StepKind.ZIP) {
      return ErrorMessages.ZIP_RETURNS_VALUE;
    }
    if (kind.isSource()) {
      return switch (shape) {
        case OPTIONAL -> ErrorMessages.NO_OPTIONAL_SOURCE;
        case FUTURE -> ErrorMessages.use(StepKind.FROM_ASYNC.written(), text);
        case VALUE -> ErrorMessages.use(StepKind.FROM.written(), text);
      };
    }
    return ErrorMessages.use(StepKind.then(shape).written(), text);
  }

  /** Whether the generated class, in {@code generatedPackage}, may call {@code method}. */
  private boolean visibleFrom(ExecutableElement method, PackageElement generatedPackage) {
    boolean samePackage = elements.getPackageOf(method).equals(generatedPackage);
    for (Element e = method; e instanceof ExecutableElement || e instanceof TypeElement; ) {
      if (e.getModifiers().contains(Modifier.PRIVATE)
          || (!samePackage && !e.getModifiers().contains(Modifier.PUBLIC))) {
        return false;
      }
      e = e.getEnclosingElement();
    }
    return true;
  }

  /** Where an app's name is written: {@code @Dataflow(name)}, else the method it defaults for. */
  static SourceSite nameSite(RawApp app) {
    return app.declaredName().isEmpty()
        ? SourceSite.OnElement.of(app.method())
        : SourceSite.OnElement.of(
            app.method(), Services.mirror(app.method(), Dataflow.class).orElse(null));
  }

  private static void checkNames(RawApp app, ValidationReport.Builder report) {
    String appName = app.appName();
    if (!Names.isDns1035Label(appName)) {
      report.error(ErrorMessages.appNameNotDns(appName), nameSite(app));
    }
    Set<ExecutableElement> seen = new HashSet<>();
    Map<String, ExecutableElement> byName = new HashMap<>();
    Map<String, ExecutableElement> byKubeName = new HashMap<>();
    for (RawStep step : app.allSteps()) {
      if (step.method().filter(Services::isService).isEmpty()) {
        continue;
      }
      ExecutableElement method = step.method().get();
      String name = Services.serviceName(method);
      String kubeName = Names.kebabCase(name);
      if (!seen.add(method)) {
        report.error(ErrorMessages.serviceUsedTwice(name, appName), step.site());
      } else if (byName.containsKey(name)) {
        report.error(
            ErrorMessages.duplicateServiceName(
                appName, name, TypeDisplay.of(byName.get(name)), TypeDisplay.of(method)),
            step.site());
      } else if (byKubeName.containsKey(kubeName)) {
        report.error(
            ErrorMessages.duplicateKubeName(
                appName, kubeName, Services.serviceName(byKubeName.get(kubeName)), name),
            step.site());
      } else {
        byName.put(name, method);
        byKubeName.put(kubeName, method);
      }
    }
  }
}
