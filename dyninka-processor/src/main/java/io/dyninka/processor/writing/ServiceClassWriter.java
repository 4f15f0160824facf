package io.dyninka.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.dyninka.processor.model.AppModel;
import io.dyninka.processor.model.ServiceModel;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * The generated class of one service: a direct call of the user's method, wired to the runtime's
 * service host. No reflection and no copied statements, so the user's method stays the only source
 * of truth, and a stack trace points into the user's code.
 *
 * <p>The class is its own {@code ServiceFunction} ({@code main} passes {@code new X()}) rather than
 * handing over a method reference: javac compiles every generated class in the user's build, and a
 * method reference costs it an inference and a lambda desugaring per class, a visible part of the
 * compile cost of a large app (benchmarks/compile-cost).
 */
public final class ServiceClassWriter {

  static final String PROCESSOR = "io.dyninka.processor.DyninkaProcessor";
  private static final ClassName ARGUMENTS = ClassName.get("io.dyninka.runtime", "Arguments");
  private static final ClassName SERVICE_HOST = ClassName.get("io.dyninka.runtime", "ServiceHost");
  private static final ClassName SERVICE_FUNCTION =
      ClassName.get("io.dyninka.runtime", "ServiceFunction");
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  // The parts that every class has alike, built once per compilation rather than per service:
  // javac loads the processor afresh for each compilation, so JavaPoet runs cold, in the
  // interpreter, and every spec it builds counts (benchmarks/compile-cost).
  private static final MethodSpec PRIVATE_CONSTRUCTOR =
      MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build();
  private static final AnnotationSpec GENERATED_BY_DYNINKA =
      AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  private static final AnnotationSpec OVERRIDE = AnnotationSpec.builder(Override.class).build();
  private static final ParameterSpec APPLY_PARAMETER =
      ParameterSpec.builder(ARGUMENTS, "in").build();
  private static final ParameterSpec MAIN_PARAMETER =
      ParameterSpec.builder(String[].class, "args").build();
  private static final ClassName EXCEPTION = ClassName.get(Exception.class);

  private final Types types;
  private final boolean generatedAvailable;

  /**
   * @param generatedAvailable whether {@code javax.annotation.processing.Generated} is on the
   *     compile path (it is from Java 9 on, unless a module graph leaves out java.compiler)
   */
  public ServiceClassWriter(Types types, boolean generatedAvailable) {
    this.types = types;
    this.generatedAvailable = generatedAvailable;
  }

  public JavaFile write(AppModel app, ServiceModel service) {
    ExecutableElement method = service.method();
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    ClassName declaringName = ClassName.get(declaring);
    String methodName = method.getSimpleName().toString();
    ClassName self = ClassName.get(service.mainClassPackage(), service.mainClassSimpleName());

    MethodSpec.Builder apply =
        MethodSpec.methodBuilder("apply")
            .addAnnotation(OVERRIDE)
            .addModifiers(Modifier.PUBLIC)
            .returns(ClassName.OBJECT)
            .addParameter(APPLY_PARAMETER)
            .addStatement("return $T.$N($L)", declaringName, methodName, arguments(method));
    if (!method.getThrownTypes().isEmpty()) {
      apply.addException(EXCEPTION);
    }

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Service {@code $L} of app {@code $L}: a direct call of {@link $T#$L($L)}.\n",
                service.name(),
                app.name(),
                declaringName,
                methodName,
                javadocParameters(method))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(SERVICE_FUNCTION)
            .addOriginatingElement(app.source())
            .addMethod(PRIVATE_CONSTRUCTOR)
            .addMethod(apply.build())
            .addMethod(
                MethodSpec.methodBuilder("main")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(MAIN_PARAMETER)
                    .addStatement(
                        "$T.main($S, $S, new $T())", SERVICE_HOST, app.name(), service.name(), self)
                    .build());
    if (!declaring.equals(app.source())) {
      type.addOriginatingElement(declaring);
    }
    if (generatedAvailable) {
      type.addAnnotation(GENERATED_BY_DYNINKA);
    }
    return JavaFile.builder(service.mainClassPackage(), type.build())
        .skipJavaLangImports(true)
        .build();
  }

  /** {@code in.<Double>get(0), in.<List<Reading>>get(1)}: boxed or declared parameter types. */
  private static CodeBlock arguments(ExecutableElement method) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      TypeName type = TypeName.get(parameters.get(i).asType()).box();
      arguments.add(i == 0 ? "in.<$T>get($L)" : ", in.<$T>get($L)", type, i);
    }
    return arguments.build();
  }

  /** The erased parameter types, as a Javadoc {@code @link} wants them. */
  private CodeBlock javadocParameters(ExecutableElement method) {
    CodeBlock.Builder parameters = CodeBlock.builder();
    for (VariableElement parameter : method.getParameters()) {
      parameters.add(
          parameters.isEmpty() ? "$T" : ", $T", TypeName.get(types.erasure(parameter.asType())));
    }
    return parameters.build();
  }
}
