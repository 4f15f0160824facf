package io.dyninka.processor.model;

import io.dyninka.manifest.ServiceManifest;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One service of an app.
 *
 * @param name the service name
 * @param kubeName its Kubernetes (kebab-case) name
 * @param mainClassPackage the package of its generated class: the {@code @Dataflow} class's
 * @param mainClassSimpleName the simple name of its generated class
 * @param method the user's {@code @Service} method the generated class calls
 * @param inputs its inputs, in parameter order
 * @param output the manifest type of its output, {@code Future} and {@code Optional} unwrapped
 * @param kind how the method answers
 * @param placed its {@code @Placed} fields, as {@code binary.Class#field}
 * @param blocking whether it runs on worker threads
 * @param idempotent whether a pull from it may be retried after it started processing
 * @param shares the shared steps whose nearest common downstream it is, upstream first
 */
public record ServiceModel(
    String name,
    String kubeName,
    String mainClassPackage,
    String mainClassSimpleName,
    ExecutableElement method,
    List<InputModel> inputs,
    String output,
    ServiceManifest.Kind kind,
    List<String> placed,
    boolean blocking,
    boolean idempotent,
    List<String> shares) {

  public ServiceModel {
    inputs = List.copyOf(inputs);
    placed = List.copyOf(placed);
    shares = List.copyOf(shares);
  }

  /** This service, the nearest common downstream of {@code sharedSteps}. */
  ServiceModel sharing(List<String> sharedSteps) {
    return new ServiceModel(
        name,
        kubeName,
        mainClassPackage,
        mainClassSimpleName,
        method,
        inputs,
        output,
        kind,
        placed,
        blocking,
        idempotent,
        sharedSteps);
  }

  /** Whether it owns placed state, and so runs its invocations one at a time. */
  public boolean stateful() {
    return !placed.isEmpty();
  }

  /** The fully qualified name of its generated class. */
  public String mainClass() {
    return mainClassPackage.isEmpty()
        ? mainClassSimpleName
        : mainClassPackage + "." + mainClassSimpleName;
  }

  public ServiceManifest toManifest() {
    return new ServiceManifest(
        name,
        kubeName,
        mainClass(),
        inputs.stream().map(InputModel::toManifest).toList(),
        output,
        kind,
        placed,
        stateful(),
        blocking,
        idempotent,
        shares);
  }
}
