package io.dyninka.processor.reading;

import io.dyninka.Dataflow;
import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@code @Dataflow(steps = {"a", "b", …})}: service names of the enclosing class, head first.
 * The kind of each step follows from the service's signature, the way a chain would be written.
 */
final class StepsParser {

  /** The chain named by the {@code steps} of {@code method}'s {@code @Dataflow}. */
  RawChain parse(ExecutableElement method, TypeElement owner) {
    AnnotationMirror dataflow = Services.mirror(method, Dataflow.class).orElseThrow();
    AnnotationValue steps = stepsValue(dataflow);
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> names = (List<? extends AnnotationValue>) steps.getValue();
    SourceSite chainSite = new SourceSite.OnElement(method, dataflow, steps);

    RawHead head = null;
    List<RawStep> rest = new ArrayList<>();
    for (AnnotationValue value : names) {
      String name = String.valueOf(value.getValue());
      SourceSite site = new SourceSite.OnElement(method, dataflow, value);
      StepTarget target = lookUp(owner, name);
      String text = "\"" + name + "\"";
      if (head == null) {
        int inputs = target instanceof StepTarget.Method m ? m.method().getParameters().size() : 0;
        if (inputs == 0) {
          head = new RawHead.Source(new RawStep(sourceKind(target), target, site, text));
          continue;
        }
        // A first step with an input reads the request body, like Flow.input(T.class).
        head = new RawHead.RequestBody(site);
      }
      rest.add(new RawStep(thenKind(target), target, site, text));
    }
    if (head == null) {
      head = new RawHead.Unknown(chainSite);
    }
    return new RawChain(head, rest, chainSite);
  }

  private static AnnotationValue stepsValue(AnnotationMirror dataflow) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        dataflow.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("steps")) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException("@Dataflow has no steps value");
  }

  private static StepTarget lookUp(TypeElement owner, String name) {
    List<ExecutableElement> named =
        Services.servicesOf(owner).stream()
            .filter(service -> Services.serviceName(service).equals(name))
            .toList();
    if (named.isEmpty()) {
      return new StepTarget.UnknownService(name);
    }
    return named.size() == 1
        ? new StepTarget.Method(named.get(0))
        : new StepTarget.AmbiguousMethod(owner, name);
  }

  private static StepKind sourceKind(StepTarget target) {
    return shapeOf(target) == ReturnShape.FUTURE ? StepKind.FROM_ASYNC : StepKind.FROM;
  }

  private static StepKind thenKind(StepTarget target) {
    return StepKind.then(shapeOf(target));
  }

  private static ReturnShape shapeOf(StepTarget target) {
    return target instanceof StepTarget.Method m
        ? ReturnShape.of(m.method().getReturnType())
        : ReturnShape.VALUE;
  }
}
