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
 * @param typeArguments whether its Flow call spells its type arguments ({@code .<Object>then(…)}),
 *     which may make the flow's item type another than its service's
 */
public record RawStep(
    StepKind kind, StepTarget target, SourceSite site, String text, boolean typeArguments) {

  /** A step whose Flow call leaves its type arguments to javac, as nearly every call does. */
  public RawStep(StepKind kind, StepTarget target, SourceSite site, String text) {
    this(kind, target, site, text, false);
  }

  /** The method this step names, when it names one. */
  public Optional<ExecutableElement> method() {
    return target instanceof StepTarget.Method m ? Optional.of(m.method()) : Optional.empty();
  }
}
