package io.dyninka.processor.checking;

import io.dyninka.Service;
import io.dyninka.processor.base.KotlinSources;
import io.dyninka.processor.base.Names;
import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.SourceSite;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @Service} method on its own, whatever app uses it: static, not private, not
 * generic, returns a value, has a valid Kubernetes name, and takes and returns JSON types.
 */
public final class ServiceValidator {

  private final JsonTypeRules json;
  private final JsonPayloadWalk payloads;

  public ServiceValidator(Types types) {
    this.json = new JsonTypeRules(types);
    this.payloads = new JsonPayloadWalk(types, json);
  }

  /** Forgets what the last round's types were found to be. */
  public void newRound() {
    json.newRound();
  }

  public ValidationReport validate(ExecutableElement method) {
    ValidationReport.Builder report = ValidationReport.builder();
    String display = TypeDisplay.of(method);
    SourceSite onMethod = SourceSite.OnElement.of(method);
    boolean kotlin = KotlinSources.isKotlin(method);
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.error(
          kotlin
              ? ErrorMessages.kotlinServiceNotStatic(display)
              : ErrorMessages.serviceNotStatic(display),
          onMethod);
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(
          kotlin
              ? ErrorMessages.kotlinServicePrivate(display)
              : ErrorMessages.servicePrivate(display),
          onMethod);
    }
    if (KotlinSources.isSuspend(method)) {
      // Its Continuation parameter would otherwise be reported as an input that is not JSON.
      report.error(ErrorMessages.kotlinSuspendService(display), onMethod);
      return report.build();
    }
    if (!method.getTypeParameters().isEmpty()) {
      report.error(ErrorMessages.serviceGeneric(display), onMethod);
    }
    String name = Services.serviceName(method);
    String kubeName = Names.kebabCase(name);
    if (!Names.isDns1035Label(kubeName)) {
      SourceSite where =
          Services.hasExplicitName(method)
              ? SourceSite.OnElement.of(method, Services.mirror(method, Service.class).orElse(null))
              : onMethod;
      report.error(ErrorMessages.serviceNameNotDns(name, kubeName), where);
    }
    for (VariableElement parameter : method.getParameters()) {
      Optional<String> why = json.whyNotInput(parameter.asType());
      String type = TypeDisplay.of(parameter.asType());
      SourceSite onParameter = SourceSite.OnElement.of(parameter);
      why.ifPresentOrElse(
          reason ->
              report.error(
                  KotlinSources.isReceiver(parameter)
                      ? ErrorMessages.receiverNotJson(name, type, reason)
                      : ErrorMessages.inputNotJson(
                          parameter.getSimpleName().toString(), name, type, reason),
                  onParameter),
          () ->
              inside(
                  parameter.asType(),
                  ErrorMessages.inputPart(parameter.getSimpleName().toString(), name),
                  onParameter,
                  report));
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      report.error(ErrorMessages.serviceReturnsVoid(display), onMethod);
    } else {
      json.whyNotOutput(method.getReturnType())
          .ifPresentOrElse(
              reason ->
                  report.error(
                      ErrorMessages.outputNotJson(
                          name, TypeDisplay.of(method.getReturnType()), reason),
                      onMethod),
              () ->
                  inside(
                      ReturnShape.output(method.getReturnType()),
                      ErrorMessages.outputPart(name),
                      onMethod,
                      report));
    }
    return report.build();
  }

  /** Reports what inside {@code type}, a payload whose top is allowed, cannot travel as JSON. */
  private void inside(
      TypeMirror type, String part, SourceSite where, ValidationReport.Builder report) {
    for (JsonPayloadWalk.Finding finding : payloads.inside(type)) {
      if (finding.certain()) {
        report.error(
            ErrorMessages.memberNotJson(finding.path(), finding.type(), part, finding.why()),
            where);
      } else {
        report.warning(
            ErrorMessages.memberMaybeNotJson(finding.path(), finding.type(), part, finding.why()),
            where);
      }
    }
  }
}
