package io.dyninka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.good;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A step whose service does not take what the flow before it yields")
class StepInputsTest {

  @Nested
  @DisplayName("is an error on the step, naming both types and the fix")
  class Refused {
    private final JavaFileObject source = bad("org/example/bad/StepInputs.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("Flow.zip with its two flows swapped")
    void zipSwapped() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.zipSwapped(
                  "StepInputs::score", "score", "Order", "Rate", "Rate", "Order"))
          .inFile(source)
          .onLineContaining("Flow.zip(rate, order, StepInputs::score)");
    }

    @Test
    @DisplayName("Flow.zip with one flow that yields another type")
    void zipOneSide() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.zipInput(
                  "StepInputs::scoreAgain", "first", "scoreAgain", "Order", "Quote"))
          .inFile(source)
          .onLineContaining("StepInputs::scoreAgain);");
    }

    @Test
    @DisplayName("a then step after a step that yields another type")
    void then() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.thenInput(".then", "StepInputs::invoice", "invoice", "Order", "Quote"))
          .inFile(source)
          .onLineContaining(".then(StepInputs::invoice)");
    }

    @Test
    @DisplayName("a then step after Flow.input of another type")
    void afterInput() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.thenInput(
                  ".then", "StepInputs::shipping", "shipping", "Order", "Quote"))
          .inFile(source)
          .onLineContaining("Flow.input(Quote.class).then(StepInputs::shipping)");
    }

    @Test
    @DisplayName("in @Dataflow(steps), which javac does not check at all")
    void namedSteps() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.thenInput(".then", "\"receipt\"", "receipt", "Order", "Quote"))
          .inFile(source)
          .onLineContaining("name = \"steps-mismatch\"");
    }

    @Test
    @DisplayName("instead of javac's inference errors, which never come")
    void onlyTheProcessorSpeaks() {
      assertThat(compilation).hadErrorCount(5);
      assertThat(compilation.errors())
          .extracting(error -> error.getMessage(Locale.ROOT))
          .noneMatch(message -> message.contains("incompatible"));
    }
  }

  @Test
  @DisplayName("is nothing to report where javac accepts the step")
  void fits() {
    Compilation compilation = compile(good("org/example/fits/Fits.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .noneMatch(message -> message.contains("yields"));
  }

  @Test
  @DisplayName("is an error, never only a note: the build stops on it")
  void kind() {
    Compilation compilation = compile(bad("org/example/bad/StepInputs.java"));

    assertThat(compilation.diagnostics())
        .filteredOn(diagnostic -> diagnostic.getMessage(Locale.ROOT).contains("yields"))
        .allMatch(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR);
  }
}
