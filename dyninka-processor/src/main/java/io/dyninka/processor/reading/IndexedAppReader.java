package io.dyninka.processor.reading;

import io.dyninka.Dataflow;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.index.IndexedApp;
import io.dyninka.processor.index.IndexedService;
import io.dyninka.processor.reading.RawApp.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads an app of the build index again, for a compilation that recompiled a file of its services
 * but not its {@code @Dataflow} class. That class then comes from its class file, which keeps
 * {@code @Dataflow(steps)} but not a method body: a chain written in the body is rebuilt from the
 * services the index recorded, each looked up again in its (possibly recompiled) class, so that the
 * checks and the outputs see the classes as they are now.
 */
public final class IndexedAppReader {

  private final Elements elements;
  private final DataflowReader reader;

  public IndexedAppReader(Elements elements, DataflowReader reader) {
    this.elements = elements;
    this.reader = reader;
  }

  /**
   * The app, or empty when the index entry is stale: its class, its {@code @Dataflow} method or its
   * name is gone.
   */
  public Optional<RawApp> read(IndexedApp indexed) {
    TypeElement owner = elements.getTypeElement(indexed.dataflowClass());
    if (owner == null) {
      return Optional.empty();
    }
    Optional<ExecutableElement> method =
        ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
            .filter(m -> m.getSimpleName().contentEquals(indexed.dataflowMethod()))
            .filter(m -> m.getAnnotation(Dataflow.class) != null)
            .findFirst();
    if (method.isEmpty()) {
      return Optional.empty();
    }
    Dataflow dataflow = method.get().getAnnotation(Dataflow.class);
    RawApp app =
        dataflow.steps().length > 0
            ? reader.read(method.get())
            : new RawApp(
                method.get(),
                owner,
                dataflow.name(),
                Origin.INDEX,
                true,
                List.of(new ChainRebuild(indexed, method.get()).chain()));
    return app.appName().equals(indexed.app()) ? Optional.of(app) : Optional.empty();
  }

  /** The chain of an indexed app, from its sink up to its heads. */
  private final class ChainRebuild {
    private final Map<String, IndexedService> byName = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final Map<String, FlowVariable> shared = new HashMap<>();
    private final IndexedService sink;
    private final SourceSite dataflowSite;

    ChainRebuild(IndexedApp indexed, ExecutableElement dataflow) {
      indexed.services().forEach(service -> byName.put(service.name(), service));
      indexed.services().stream()
          .flatMap(service -> service.inputs().stream())
          .filter(from -> from != null)
          .forEach(from -> consumers.merge(from, 1, Integer::sum));
      this.sink = indexed.services().get(indexed.services().size() - 1);
      this.dataflowSite = SourceSite.OnElement.of(dataflow);
    }

    RawChain chain() {
      return chainEndingWith(sink);
    }

    /** The chain whose last step is {@code service}. */
    private RawChain chainEndingWith(IndexedService service) {
      List<String> inputs = service.inputs();
      if (inputs.isEmpty()) {
        return new RawChain(new RawHead.Source(step(service)), List.of(), dataflowSite);
      }
      if (inputs.size() == 2) {
        RawHead zip =
            new RawHead.Zip(upstream(inputs.get(0)), upstream(inputs.get(1)), step(service));
        return new RawChain(zip, List.of(), dataflowSite);
      }
      RawChain upstream = upstream(inputs.get(0));
      List<RawStep> steps = new ArrayList<>(upstream.steps());
      steps.add(step(service));
      return new RawChain(upstream.head(), steps, dataflowSite);
    }

    /** The chain that feeds an input: another service's, or the request body. */
    private RawChain upstream(String from) {
      if (from == null) {
        return new RawChain(new RawHead.RequestBody(dataflowSite), List.of(), dataflowSite);
      }
      if (consumers.getOrDefault(from, 0) < 2) {
        return chainEndingWith(byName.get(from));
      }
      // A step with several consumers was a shared Flow variable: one sub-flow, used again.
      // (Not computeIfAbsent: the rebuild below may add the variables of its own upstreams.)
      FlowVariable variable = shared.get(from);
      if (variable == null) {
        variable = new FlowVariable(from, dataflowSite);
        variable.define(chainEndingWith(byName.get(from)));
        shared.put(from, variable);
      }
      variable.used();
      return new RawChain(new RawHead.Variable(variable, dataflowSite), List.of(), dataflowSite);
    }

    private RawStep step(IndexedService service) {
      StepTarget target = target(service);
      SourceSite site =
          target instanceof StepTarget.Method m
              ? SourceSite.OnElement.of(m.method())
              : dataflowSite;
      String simpleClass =
          service.declaringClass().substring(service.declaringClass().lastIndexOf('.') + 1);
      return new RawStep(kind(service), target, site, simpleClass + "::" + service.method());
    }

    /** The service's method as its class has it now: the one the step's kind needs. */
    private StepTarget target(IndexedService service) {
      TypeElement type = elements.getTypeElement(service.declaringClass());
      if (type == null) {
        return new StepTarget.UnknownType(service.declaringClass());
      }
      List<ExecutableElement> named =
          ElementFilter.methodsIn(type.getEnclosedElements()).stream()
              .filter(m -> m.getSimpleName().contentEquals(service.method()))
              .toList();
      return named.stream()
          .filter(Services::isService)
          .filter(m -> m.getParameters().size() == service.arity())
          .findFirst()
          .or(
              () ->
                  named.stream()
                      .filter(m -> m.getParameters().size() == service.arity())
                      .findFirst())
          .<StepTarget>map(StepTarget.Method::new)
          .orElseGet(() -> new StepTarget.UnknownMethod(type, service.method()));
    }

    /** The Flow method the step was written with: its kind as written, with its input count. */
    private StepKind kind(IndexedService service) {
      ReturnShape shape = shapeOf(service.kind());
      return switch (service.inputs().size()) {
        case 0 -> shape == ReturnShape.FUTURE ? StepKind.FROM_ASYNC : StepKind.FROM;
        case 2 -> StepKind.ZIP;
        default -> StepKind.then(shape);
      };
    }
  }

  private static ReturnShape shapeOf(ServiceManifest.Kind kind) {
    return switch (kind) {
      case VALUE -> ReturnShape.VALUE;
      case ASYNC -> ReturnShape.FUTURE;
      case OPTIONAL -> ReturnShape.OPTIONAL;
    };
  }
}
