package io.dyninka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A @Dataflow app is refused")
class ChainErrorsTest {

  @Nested
  @DisplayName("for a step that is not a @Service method reference")
  class Steps {
    private final JavaFileObject source = bad("org/example/bad/StepErrors.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("a lambda")
    void lambda() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.lambdaStep())
          .inFile(source)
          .onLineContaining(".then(x -> x + 1)");
    }

    @Test
    @DisplayName("a reference to a method without @Service")
    void notAService() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.notAService("StepErrors::helper", "StepErrors.helper"))
          .inFile(source)
          .onLineContaining(".then(StepErrors::helper)");
    }

    @Test
    @DisplayName("a variable")
    void variable() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.notAMethodReference("step"))
          .inFile(source)
          .onLineContaining(".then(step)");
    }

    @Test
    @DisplayName("a method its type does not have")
    void unknownMethod() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.unknownMethod("StepErrors::missing", "StepErrors", "missing"))
          .inFile(source)
          .onLineContaining(".then(StepErrors::missing)");
    }

    @Test
    @DisplayName("overloaded @Service methods that the step cannot tell apart")
    void ambiguous() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.ambiguousService("StepErrors::pick", "StepErrors", "pick"))
          .inFile(source)
          .onLineContaining(".then(StepErrors::pick)");
    }

    @Test
    @DisplayName("a type that no round of processing produced")
    void unknownType() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.unknownType("Nowhere::inc", "Nowhere"))
          .inFile(source)
          .onLineContaining(".then(Nowhere::inc)");
    }
  }

  @Nested
  @DisplayName("for a step whose Flow method does not fit what its service returns")
  class Kinds {
    private final JavaFileObject source = bad("org/example/bad/StepKinds.java");
    private final Compilation compilation = compile(source);

    private void wrongKind(String step, String returns, String written, String fix, String line) {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.wrongStepKind(step, returns, written, fix))
          .inFile(source)
          .onLineContaining(line);
    }

    @Test
    @DisplayName("then on a Future: use thenAsync")
    void thenOnFuture() {
      String step = "StepKinds::laterInc";
      wrongKind(
          step, "Future<Integer>", ".then", ErrorMessages.use(".thenAsync", step), ".then(" + step);
    }

    @Test
    @DisplayName("then on an Optional: use thenOptional")
    void thenOnOptional() {
      String step = "StepKinds::maybeInc";
      wrongKind(
          step,
          "Optional<Integer>",
          ".then",
          ErrorMessages.use(".thenOptional", step),
          ".then(" + step);
    }

    @Test
    @DisplayName("thenAsync on a plain value: use then")
    void thenAsyncOnValue() {
      String step = "StepKinds::inc";
      wrongKind(step, "int", ".thenAsync", ErrorMessages.use(".then", step), ".thenAsync(" + step);
    }

    @Test
    @DisplayName("thenOptional on a plain value: use then")
    void thenOptionalOnValue() {
      String step = "StepKinds::inc";
      wrongKind(
          step, "int", ".thenOptional", ErrorMessages.use(".then", step), ".thenOptional(" + step);
    }

    @Test
    @DisplayName("Flow.from on a Future: use Flow.fromAsync")
    void fromOnFuture() {
      String step = "StepKinds::later";
      wrongKind(
          step,
          "Future<Integer>",
          "Flow.from",
          ErrorMessages.use("Flow.fromAsync", step),
          "Flow.from(" + step + ")");
    }

    @Test
    @DisplayName("Flow.fromAsync on a plain value: use Flow.from")
    void fromAsyncOnValue() {
      String step = "StepKinds::one";
      wrongKind(
          step,
          "int",
          "Flow.fromAsync",
          ErrorMessages.use("Flow.from", step),
          "return Flow.fromAsync(" + step);
    }

    @Test
    @DisplayName("a zip function that returns a Future")
    void zipOnFuture() {
      wrongKind(
          "StepKinds::sum",
          "Future<Integer>",
          "Flow.zip",
          ErrorMessages.ZIP_RETURNS_VALUE,
          "StepKinds::sum);");
    }

    @Test
    @DisplayName("a service with more parameters than the step gives it")
    void arity() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.wrongArity("StepKinds::laterInc", "laterInc", 1, 0))
          .inFile(source)
          .onLineContaining("Flow.fromAsync(StepKinds::laterInc)");
    }
  }

  @Nested
  @DisplayName("for a body that is not one chain")
  class Shapes {
    private final JavaFileObject source = bad("org/example/bad/ChainShapes.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("no chain at all")
    void noChain() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.noChain("ChainShapes.noChain"))
          .inFile(source)
          .onLineContaining("static Flow<Integer> noChain()");
    }

    @Test
    @DisplayName("two chains (on the second)")
    void twoChains() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.moreThanOneChain("ChainShapes.twoChains"))
          .inFile(source)
          .onLineContaining("// second");
    }

    @Test
    @DisplayName("a chain that starts from a field, not a local Flow variable")
    void fieldHead() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.unknownChainHead())
          .inFile(source)
          .onLineContaining("// field");
    }

    @Test
    @DisplayName("a chain without a service")
    void noService() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.chainWithoutService())
          .inFile(source)
          .onLineContaining("return Flow.input(Integer.class);");
    }
  }

  @Nested
  @DisplayName("for services used twice or named alike")
  class ServiceUse {
    private final JavaFileObject source = bad("org/example/bad/ServiceUse.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("one service twice in one flow")
    void usedTwice() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceUsedTwice("inc", "used-twice"))
          .inFile(source)
          .onLineContaining("// again");
    }

    @Test
    @DisplayName("two services with one name")
    void oneName() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.duplicateServiceName(
                  "one-name", "twice", "ServiceUse.doubled", "ServiceUse.twice"))
          .inFile(source)
          .onLineContaining("// same name");
    }

    @Test
    @DisplayName("two services with one Kubernetes name")
    void oneKubeName() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.duplicateKubeName("one-kube-name", "inc", "inc", "Inc"))
          .inFile(source)
          .onLineContaining("// same kube name");
    }
  }

  @Nested
  @DisplayName("for its name")
  class AppNames {
    private final JavaFileObject source = bad("org/example/bad/AppNames.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("when it is not a DNS-1035 label (on the annotation)")
    void notDns() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.appNameNotDns("Smart_Building"))
          .inFile(source)
          .onLineContaining("@Dataflow(name = \"Smart_Building\")");
    }

    @Test
    @DisplayName("when another app has it (on the second)")
    void duplicate() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.duplicateAppName("app-names"))
          .inFile(source)
          .onLineContaining("// the default name again");
    }
  }

  @Nested
  @DisplayName("for a service name with a typo, with the name it was likely meant as")
  class Typos {
    private final JavaFileObject source = bad("org/example/bad/Typos.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("in @Dataflow(steps), by service name")
    void inSteps() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.unknownStepService("incremnt", "Typos")
                  + ErrorMessages.didYouMean("increment"))
          .inFile(source)
          .onLineContaining("steps = {\"one\", \"incremnt\"}");
    }

    @Test
    @DisplayName("in a method reference, by method name")
    void inReference() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.unknownMethod("Typos::incc", "Typos", "incc")
                  + ErrorMessages.didYouMean("inc"))
          .inFile(source)
          .onLineContaining(".then(Typos::incc)");
    }
  }

  @Nested
  @DisplayName("for @Dataflow(steps) names that do not fit")
  class NamedSteps {
    private final JavaFileObject source = bad("org/example/bad/NamedSteps.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("a name no @Service of the class has")
    void unknownService() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.unknownStepService("nope", "NamedSteps"))
          .inFile(source)
          .onLineContaining("steps = {\"one\", \"nope\"}");
    }

    @Test
    @DisplayName("a two-input service, which only Flow.zip can feed")
    void fanIn() {
      assertThat(compilation)
          .hadErrorContaining(ErrorMessages.wrongArity("\"pair\"", "pair", 2, 1))
          .inFile(source)
          .onLineContaining("steps = {\"one\", \"pair\"}");
    }

    @Test
    @DisplayName("an Optional source")
    void optionalSource() {
      assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.wrongStepKind(
                  "\"maybe\"", "Optional<Integer>", "Flow.from", ErrorMessages.NO_OPTIONAL_SOURCE))
          .inFile(source)
          .onLineContaining("steps = {\"maybe\"}");
    }
  }

  @Test
  @DisplayName("for a service of another package that its generated class cannot call")
  void notAccessible() {
    JavaFileObject source = bad("org/example/bad/Access.java");
    Compilation compilation = compile(source, bad("org/example/bad/lib/Hidden.java"));
    assertThat(compilation)
        .hadErrorContaining(ErrorMessages.serviceNotAccessible("Hidden.compute", "org.example.bad"))
        .inFile(source)
        .onLineContaining("Flow.from(Hidden::compute)");
  }
}
