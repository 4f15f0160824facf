package io.dyninka.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor in a proxied environment, as Gradle's incremental processing and some IDEs do:
 * the Compiler Tree API is out of reach there.
 */
final class WrappedEnvironment implements Processor {
  private final Processor delegate;
  private final UnaryOperator<Filer> filers;

  WrappedEnvironment(Processor delegate) {
    this(delegate, UnaryOperator.identity());
  }

  /** The processor sees the Filer that {@code filers} makes of javac's, to fail on purpose. */
  WrappedEnvironment(Processor delegate, UnaryOperator<Filer> filers) {
    this.delegate = delegate;
    this.filers = filers;
  }

  @Override
  public void init(ProcessingEnvironment env) {
    delegate.init(
        (ProcessingEnvironment)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getFiler")) {
                    return filers.apply(env.getFiler());
                  }
                  try {
                    return method.invoke(env, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }));
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }
}
