package io.dyninka.processor.base;

import io.dyninka.Placed;
import io.dyninka.Service;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/** What the {@code @Service} and {@code @Placed} annotations say about an element. */
public final class Services {

  private Services() {}

  public static boolean isService(Element element) {
    return element.getAnnotation(Service.class) != null;
  }

  /** The service name: {@code @Service(name)} when given, else the method name. */
  public static String serviceName(ExecutableElement method) {
    Service service = method.getAnnotation(Service.class);
    String name = service == null ? "" : service.name();
    return name.isEmpty() ? method.getSimpleName().toString() : name;
  }

  /** Whether the name comes from {@code @Service(name = …)} rather than from the method name. */
  public static boolean hasExplicitName(ExecutableElement method) {
    Service service = method.getAnnotation(Service.class);
    return service != null && !service.name().isEmpty();
  }

  public static boolean isBlocking(ExecutableElement method) {
    Service service = method.getAnnotation(Service.class);
    return service != null && service.blocking();
  }

  public static boolean isIdempotent(ExecutableElement method) {
    Service service = method.getAnnotation(Service.class);
    return service != null && service.idempotent();
  }

  /** The {@code @Service} methods declared by {@code type}, in source order. */
  public static List<ExecutableElement> servicesOf(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(Services::isService)
        .toList();
  }

  /** The service a {@code @Placed} field is placed on, or empty when the field is not placed. */
  public static Optional<String> placedOn(VariableElement field) {
    Placed placed = field.getAnnotation(Placed.class);
    return placed == null ? Optional.empty() : Optional.of(placed.value());
  }

  /** The {@code @Placed} fields of {@code type} placed on {@code serviceName}, in source order. */
  public static List<VariableElement> placedFields(TypeElement type, String serviceName) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(field -> placedOn(field).filter(serviceName::equals).isPresent())
        .toList();
  }

  /** The mirror of {@code annotation} on {@code element}, to point a diagnostic at it. */
  public static Optional<AnnotationMirror> mirror(Element element, Class<?> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }
}
