package io.dyninka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A @Placed field")
class PlacedTest {

  private final JavaFileObject source = bad("org/example/bad/Placement.java");
  private final Compilation compilation = compile(source);

  @Test
  @DisplayName("must be static")
  void notStatic() {
    assertThat(compilation)
        .hadErrorContaining(ErrorMessages.placedNotStatic("Placement.notStatic"))
        .inFile(source)
        .onLineContaining("long notStatic;");
  }

  @Test
  @DisplayName("must name a @Service of its class (on the annotation)")
  void unknownService() {
    assertThat(compilation)
        .hadErrorContaining(
            ErrorMessages.placedOnUnknownService("Placement.orphan", "nope", "Placement"))
        .inFile(source)
        .onLineContaining("@Placed(\"nope\")");
  }

  @Test
  @DisplayName("may not be read by another service, naming both services")
  void readByAnother() {
    assertThat(compilation)
        .hadErrorContaining(
            ErrorMessages.placedFieldAccess("peek", "reads", "Placement.total", "count"))
        .inFile(source)
        .onLineContaining("// reads");
  }

  @Test
  @DisplayName("may not be written by another service, even as Type.field")
  void writtenByAnother() {
    assertThat(compilation)
        .hadErrorContaining(
            ErrorMessages.placedFieldAccess("reset", "writes", "Placement.total", "count"))
        .inFile(source)
        .onLineContaining("// writes");
  }

  @Test
  @DisplayName("may be used by its own service, and shadowed by parameters and locals")
  void ownerAndShadows() {
    Assertions.assertThat(compilation.errors())
        .extracting(error -> error.getMessage(null))
        .noneMatch(message -> message.startsWith("Service count "))
        .noneMatch(message -> message.startsWith("Service shadow "))
        .hasSize(4);
  }

  @Test
  @DisplayName("gets a warning for an initializer that is not a constant")
  void initializer() {
    assertThat(compilation)
        .hadWarningContaining(
            ErrorMessages.placedInitializerNotConstant("Placement.started", "count"))
        .inFile(source)
        .onLineContaining("started = System.nanoTime()");
    Assertions.assertThat(compilation.warnings())
        .extracting(warning -> warning.getMessage(null))
        .noneMatch(message -> message.contains("Placement.history"))
        .noneMatch(message -> message.contains("Placement.total"));
  }

  @Test
  @DisplayName("with a mistyped service name is one error, which suggests the name")
  void typo() {
    JavaFileObject typo = bad("org/example/bad/PlacedTypo.java");
    Compilation typoCompilation = compile(typo);

    assertThat(typoCompilation)
        .hadErrorContaining(
            ErrorMessages.placedOnUnknownService("PlacedTypo.last", "velocityy", "PlacedTypo")
                + ErrorMessages.didYouMean("velocity"))
        .inFile(typo)
        .onLineContaining("@Placed(\"velocityy\")");
    assertThat(typoCompilation).hadErrorCount(1);
  }
}
