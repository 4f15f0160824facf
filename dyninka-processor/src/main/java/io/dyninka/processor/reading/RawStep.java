package io.dyninka.processor.reading;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * One step of a chain as written.
 *
 * @param kind the Flow method that took it
 * @param target what its argument names
 * @param site where it is written, for diagnostics
 * @param text how it is written, for messages: {@code SmartBuilding::map}, or {@code "map"} in
 *     {@code @Dataflow(steps)}
 */
public record RawStep(StepKind kind, StepTarget target, SourceSite site, String text) {

  /** The method this step names, when it names one. */
  public Optional<ExecutableElement> method() {
    return target instanceof StepTarget.Method m ? Optional.of(m.method()) : Optional.empty();
  }
}
