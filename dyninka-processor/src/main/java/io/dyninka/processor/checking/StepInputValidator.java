package io.dyninka.processor.checking;

import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.base.TypeDisplay;
import io.dyninka.processor.reading.FlowVariable;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.RawChain;
import io.dyninka.processor.reading.RawHead;
import io.dyninka.processor.reading.RawStep;
import io.dyninka.processor.reading.WrittenType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Checks that each step's service takes what the flow before it yields: the item of a {@code .then}
 * step's upstream, the items of a {@code Flow.zip}'s two flows.
 *
 * <p>In a chain in the body javac checks this too, but only after processing, and its words
 * ("inference variable R has incompatible bounds") name neither the service nor the fix. So the
 * processor reports it first, as an error rather than a note, where it knows the item types as
 * javac will: from the services' signatures, {@code var} and plainly named types ({@code
 * Flow<Rate>}, {@code Rate.class}). Then javac's rule for a method reference to one method, a loose
 * invocation of it with the item, is {@link Types#isAssignable}, so the error is certain, and
 * javac, which stops after a processor's error, adds no second message. Where a type is not known
 * so (a parameterized or raw declared type, spelt type arguments, a type not generated yet, a
 * varargs service) nothing is reported and javac speaks. In {@code @Dataflow(steps)} nobody else
 * checks: the services would exchange JSON of the wrong type at run time.
 */
final class StepInputValidator {

  private final Types types;

  StepInputValidator(Types types) {
    this.types = types;
  }

  ValidationReport validate(RawApp app) {
    ValidationReport.Builder report = ValidationReport.builder();
    Walk walk = new Walk(report);
    app.chains().forEach(walk::itemOf);
    return report.build();
  }

  /** One walk through an app's chains, each Flow variable's chain checked once. */
  private final class Walk {
    private final ValidationReport.Builder report;
    private final Map<FlowVariable, Optional<TypeMirror>> variables = new HashMap<>();

    Walk(ValidationReport.Builder report) {
      this.report = report;
    }

    /** What {@code chain} yields, when known; checks its steps on the way. */
    Optional<TypeMirror> itemOf(RawChain chain) {
      Optional<TypeMirror> item = itemOf(chain.head());
      for (RawStep step : chain.steps()) {
        Optional<TypeMirror> upstream = item;
        parameter(step, 0)
            .filter(takes -> upstream.isPresent() && !types.isAssignable(upstream.get(), takes))
            .ifPresent(takes -> reportThen(step, takes, upstream.get()));
        item = output(step);
      }
      return item;
    }

    private Optional<TypeMirror> itemOf(RawHead head) {
      if (head instanceof RawHead.Source source) {
        return output(source.step());
      } else if (head instanceof RawHead.RequestBody body) {
        return named(body.type());
      } else if (head instanceof RawHead.Zip zip) {
        checkZip(zip);
        return output(zip.join());
      } else if (head instanceof RawHead.Variable use && use.variable().chain() != null) {
        FlowVariable variable = use.variable();
        if (!variables.containsKey(variable)) {
          Optional<TypeMirror> item = itemOf(variable.chain());
          variables.put(
              variable,
              variable.declaredType() instanceof WrittenType.Inferred
                  ? item
                  : named(variable.declaredType()));
        }
        return variables.get(variable);
      }
      return Optional.empty();
    }

    private void checkZip(RawHead.Zip zip) {
      Optional<TypeMirror> first = itemOf(zip.first());
      Optional<TypeMirror> second = itemOf(zip.second());
      RawStep join = zip.join();
      Optional<TypeMirror> takesFirst = parameter(join, 0);
      Optional<TypeMirror> takesSecond = parameter(join, 1);
      if (join.typeArguments() || takesFirst.isEmpty() || takesSecond.isEmpty()) {
        return;
      }
      boolean firstFits = fits(first, takesFirst.get());
      boolean secondFits = fits(second, takesSecond.get());
      if (firstFits && secondFits) {
        return;
      }
      if (first.isPresent()
          && second.isPresent()
          && fits(second, takesFirst.get())
          && fits(first, takesSecond.get())) {
        report.error(
            ErrorMessages.zipSwapped(
                join.text(),
                methodName(join),
                TypeDisplay.of(takesFirst.get()),
                TypeDisplay.of(takesSecond.get()),
                TypeDisplay.of(first.get()),
                TypeDisplay.of(second.get())),
            join.site());
        return;
      }
      if (!firstFits) {
        reportZipSide(join, "first", takesFirst.get(), first.get());
      }
      if (!secondFits) {
        reportZipSide(join, "second", takesSecond.get(), second.get());
      }
    }

    /** Whether a flow that yields {@code item} may feed {@code takes}; an unknown item may. */
    private boolean fits(Optional<TypeMirror> item, TypeMirror takes) {
      return item.isEmpty() || types.isAssignable(item.get(), takes);
    }

    private void reportZipSide(RawStep join, String side, TypeMirror takes, TypeMirror yields) {
      report.error(
          ErrorMessages.zipInput(
              join.text(), side, methodName(join), TypeDisplay.of(takes), TypeDisplay.of(yields)),
          join.site());
    }

    private void reportThen(RawStep step, TypeMirror takes, TypeMirror yields) {
      report.error(
          ErrorMessages.thenInput(
              step.kind().written(),
              step.text(),
              methodName(step),
              TypeDisplay.of(takes),
              TypeDisplay.of(yields)),
          step.site());
    }
  }

  /** The service a step calls, when it is one whose inputs this check can judge. */
  private static Optional<ExecutableElement> service(RawStep step) {
    return step.method()
        .filter(Services::isService)
        .filter(method -> method.getParameters().size() == step.kind().inputs())
        .filter(method -> !method.isVarArgs());
  }

  /** The type of the {@code index}-th input of the step's service, when known. */
  private Optional<TypeMirror> parameter(RawStep step, int index) {
    return service(step)
        .map(method -> method.getParameters().get(index).asType())
        .filter(StepInputValidator::known);
  }

  /**
   * What the flow yields after {@code step}: the service's value, or what its {@code Future} or
   * {@code Optional} holds; unknown for a step that does not fit its Flow call (another error) or
   * whose call spells its type arguments.
   */
  private Optional<TypeMirror> output(RawStep step) {
    if (step.typeArguments()) {
      return Optional.empty();
    }
    return service(step)
        .map(ExecutableElement::getReturnType)
        .filter(returned -> ReturnShape.of(returned) == step.kind().shape())
        .flatMap(returned -> itemOf(returned, step.kind().shape()))
        .filter(StepInputValidator::known);
  }

  private Optional<TypeMirror> itemOf(TypeMirror returned, ReturnShape shape) {
    if (shape == ReturnShape.VALUE) {
      // Flow's type parameter is a reference type: an int service yields Integer.
      return Optional.of(
          returned.getKind().isPrimitive()
              ? types.boxedClass((PrimitiveType) returned).asType()
              : returned);
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) returned).getTypeArguments();
    return arguments.size() == 1 && arguments.get(0).getKind() != TypeKind.WILDCARD
        ? Optional.of(arguments.get(0))
        : Optional.empty();
  }

  /** The type a name written in the chain stands for; a generic one written raw is unknown. */
  private static Optional<TypeMirror> named(WrittenType written) {
    return written instanceof WrittenType.Named named && named.type().getTypeParameters().isEmpty()
        ? Optional.of(named.type().asType()).filter(StepInputValidator::known)
        : Optional.empty();
  }

  /** Whether {@code type} is fully known now: no type not generated yet, no type variable. */
  private static boolean known(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeMirror outer = declared.getEnclosingType();
        return declared.getTypeArguments().stream().allMatch(StepInputValidator::known)
            && (outer.getKind() == TypeKind.NONE || known(outer));
      case ARRAY:
        return known(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || known(wildcard.getExtendsBound()))
            && (wildcard.getSuperBound() == null || known(wildcard.getSuperBound()));
      default:
        return type.getKind().isPrimitive();
    }
  }

  private static String methodName(RawStep step) {
    return step.method().orElseThrow().getSimpleName().toString();
  }
}
