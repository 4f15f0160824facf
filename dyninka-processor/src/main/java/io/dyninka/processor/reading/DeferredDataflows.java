package io.dyninka.processor.reading;

import io.dyninka.Dataflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * {@code @Dataflow} methods to read again in the next round: their steps name a type that is not
 * visible yet, which another processor may generate. They are kept by name, since javac may hand
 * out new elements in each round.
 */
public final class DeferredDataflows {

  private record Deferred(String type, String method) {}

  private final Elements elements;
  private final Set<Deferred> deferred = new LinkedHashSet<>();

  public DeferredDataflows(Elements elements) {
    this.elements = elements;
  }

  public void defer(RawApp app) {
    deferred.add(
        new Deferred(
            app.owner().getQualifiedName().toString(), app.method().getSimpleName().toString()));
  }

  /** The methods deferred by the last round, as this round sees them; none are deferred after. */
  public List<ExecutableElement> take() {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Deferred again : deferred) {
      TypeElement type = elements.getTypeElement(again.type());
      if (type == null) {
        continue;
      }
      ElementFilter.methodsIn(type.getEnclosedElements()).stream()
          .filter(method -> method.getSimpleName().contentEquals(again.method()))
          .filter(method -> method.getAnnotation(Dataflow.class) != null)
          .forEach(methods::add);
    }
    deferred.clear();
    return methods;
  }

  /** The classes, by canonical name, with a {@code @Dataflow} method waiting for the next round. */
  public Set<String> waitingClasses() {
    return deferred.stream().map(Deferred::type).collect(Collectors.toSet());
  }
}
