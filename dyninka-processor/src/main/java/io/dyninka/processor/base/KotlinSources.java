package io.dyninka.processor.base;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * What the processor can tell about Kotlin sources, which it sees as kapt's Java stubs (or as
 * compiled Kotlin classes): every such class carries {@code @kotlin.Metadata}, whose kind {@code k}
 * says whether it is a class or the facade of a file's top-level declarations ({@code BuildingKt}
 * for {@code Building.kt}). The stubs keep names, signatures and annotations, but not function
 * bodies.
 *
 * <p>The Kotlin name of a file facade is read off its class name: {@code BuildingKt} came from
 * {@code Building.kt}. A file renamed with {@code @file:JvmName} cannot be traced back to its file
 * name, so it is shown by its class name.
 */
public final class KotlinSources {

  private static final String METADATA = "kotlin.Metadata";

  /** {@code @kotlin.Metadata(k = …)} of a file facade, a multi-file facade and one of its parts. */
  private static final int FILE_FACADE = 2;

  private static final int MULTI_FILE_FACADE = 4;
  private static final int MULTI_FILE_PART = 5;

  /** The name kapt gives the receiver of extension function {@code f}: {@code $this$f}. */
  private static final String RECEIVER_PREFIX = "$this$";

  private static final String FACADE_SUFFIX = "Kt";

  private KotlinSources() {}

  /** Whether {@code element} was declared in Kotlin: its outermost class has Kotlin metadata. */
  public static boolean isKotlin(Element element) {
    return metadata(outermostType(element)).isPresent();
  }

  /** Whether {@code type} holds the top-level declarations of a Kotlin file. */
  public static boolean isFileFacade(TypeElement type) {
    int kind = metadata(type).map(KotlinSources::kind).orElse(0);
    return kind == FILE_FACADE || kind == MULTI_FILE_FACADE || kind == MULTI_FILE_PART;
  }

  /**
   * The name its author wrote for {@code type}: the class name, or for a file facade the file name
   * without {@code .kt} ({@code Building} for {@code BuildingKt}).
   */
  public static String sourceName(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (isFileFacade(type) && name.endsWith(FACADE_SUFFIX) && name.length() > 2) {
      return name.substring(0, name.length() - FACADE_SUFFIX.length());
    }
    return name;
  }

  /**
   * Where a top-level Kotlin declaration of {@code facade} lives, for messages: {@code
   * Building.kt}, or the class name when {@code @file:JvmName} hides the file name.
   */
  public static String fileOf(TypeElement facade) {
    String name = facade.getSimpleName().toString();
    return name.endsWith(FACADE_SUFFIX) && name.length() > 2
        ? sourceName(facade) + ".kt"
        : "the Kotlin file of class " + name;
  }

  /** Whether {@code parameter} is the receiver of a Kotlin extension function. */
  public static boolean isReceiver(VariableElement parameter) {
    return parameter.getSimpleName().toString().startsWith(RECEIVER_PREFIX) && isKotlin(parameter);
  }

  /**
   * Whether {@code method} is a Kotlin {@code suspend} function: kapt shows it with a last
   * parameter of type {@code kotlin.coroutines.Continuation}.
   */
  public static boolean isSuspend(ExecutableElement method) {
    if (method.getParameters().isEmpty() || !isKotlin(method)) {
      return false;
    }
    VariableElement last = method.getParameters().get(method.getParameters().size() - 1);
    return last.asType() instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement type
        && type.getQualifiedName().contentEquals("kotlin.coroutines.Continuation");
  }

  private static TypeElement outermostType(Element element) {
    TypeElement outermost = null;
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        outermost = type;
      }
    }
    return outermost;
  }

  private static Optional<AnnotationMirror> metadata(TypeElement type) {
    if (type == null) {
      return Optional.empty();
    }
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      // By name: kotlin-stdlib need not be on the processor's class path.
      if (mirror.getAnnotationType().toString().equals(METADATA)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** {@code k}, which defaults to 1 (a class) when kapt leaves it out. */
  private static int kind(AnnotationMirror metadata) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        metadata.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("k")
          && entry.getValue().getValue() instanceof Integer kind) {
        return kind;
      }
    }
    return 1;
  }
}
