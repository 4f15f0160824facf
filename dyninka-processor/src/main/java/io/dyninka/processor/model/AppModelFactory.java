package io.dyninka.processor.model;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.dyninka.processor.base.Names;
import io.dyninka.processor.base.ReturnShape;
import io.dyninka.processor.base.Services;
import io.dyninka.processor.reading.FlowVariable;
import io.dyninka.processor.reading.RawApp;
import io.dyninka.processor.reading.RawChain;
import io.dyninka.processor.reading.RawHead;
import io.dyninka.processor.reading.RawStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Builds the {@link AppModel} of an app whose report is clean: every step names a {@code @Service}
 * method that fits it, and the app has exactly one chain.
 */
public final class AppModelFactory {

  private final Elements elements;
  private final TypeStrings typeStrings;

  public AppModelFactory(Elements elements) {
    this.elements = elements;
    this.typeStrings = new TypeStrings(elements);
  }

  public AppModel create(RawApp app) {
    RawChain chain =
        app.chain().orElseThrow(() -> new IllegalStateException("not one chain: " + app));
    String appName = app.appName();
    String pkg = elements.getPackageOf(app.owner()).getQualifiedName().toString();
    List<ServiceModel> services = new ArrayList<>();
    new ChainWalk(appName, pkg, services).walk(chain);
    return new AppModel(
        appName,
        app.method(),
        app.owner(),
        elements.getBinaryName(app.owner()).toString(),
        SharedSteps.assign(services));
  }

  /** Walks a chain in data order, adding each service with the upstreams of its inputs. */
  private final class ChainWalk {
    private final String appName;
    private final String pkg;
    private final List<ServiceModel> services;

    /** The service each Flow variable ends with, once walked: a second use reuses it. */
    private final Map<FlowVariable, String> walked = new HashMap<>();

    ChainWalk(String appName, String pkg, List<ServiceModel> services) {
      this.appName = appName;
      this.pkg = pkg;
      this.services = services;
    }

    /**
     * @return the service whose output the chain ends with, or {@code null} for a chain that is
     *     only the request body
     */
    String walk(RawChain chain) {
      String upstream;
      if (chain.head() instanceof RawHead.Source source) {
        upstream = add(source.step());
      } else if (chain.head() instanceof RawHead.Zip zip) {
        upstream = add(zip.join(), walk(zip.first()), walk(zip.second()));
      } else if (chain.head() instanceof RawHead.Variable use) {
        upstream = variable(use.variable());
      } else {
        upstream = null; // Flow.input: the request body
      }
      for (RawStep step : chain.steps()) {
        upstream = add(step, upstream);
      }
      return upstream;
    }

    /** The service a Flow variable ends with: walked at its first use only. */
    private String variable(FlowVariable variable) {
      if (walked.containsKey(variable)) {
        return walked.get(variable);
      }
      String last = walk(variable.chain());
      walked.put(variable, last);
      return last;
    }

    /** Adds the service of {@code step}, fed by {@code upstreams} (null: the request body). */
    private String add(RawStep step, String... upstreams) {
      ExecutableElement method = step.method().orElseThrow();
      String name = Services.serviceName(method);
      List<? extends VariableElement> parameters = method.getParameters();
      List<InputModel> inputs = new ArrayList<>();
      for (int i = 0; i < parameters.size(); i++) {
        inputs.add(new InputModel(upstreams[i], typeStrings.of(parameters.get(i).asType())));
      }
      TypeElement declaring = (TypeElement) method.getEnclosingElement();
      String binaryClass = elements.getBinaryName(declaring).toString();
      List<String> placed =
          Services.placedFields(declaring, name).stream()
              .map(field -> binaryClass + "#" + field.getSimpleName())
              .toList();
      services.add(
          new ServiceModel(
              name,
              Names.kebabCase(name),
              pkg,
              Names.pascalCase(appName) + Names.pascalCase(name) + "Service",
              method,
              inputs,
              typeStrings.of(ReturnShape.output(method.getReturnType())),
              kind(ReturnShape.of(method.getReturnType())),
              placed,
              Services.isBlocking(method),
              Services.isIdempotent(method),
              List.of()));
      return name;
    }
  }

  private static Kind kind(ReturnShape shape) {
    return switch (shape) {
      case VALUE -> Kind.VALUE;
      case FUTURE -> Kind.ASYNC;
      case OPTIONAL -> Kind.OPTIONAL;
    };
  }
}
