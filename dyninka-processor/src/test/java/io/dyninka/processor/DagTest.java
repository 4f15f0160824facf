package io.dyninka.processor;

import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.good;
import static io.dyninka.processor.Compilations.manifest;
import static io.dyninka.processor.Compilations.manifestText;
import static io.dyninka.processor.Compilations.recompiler;
import static io.dyninka.processor.Compilations.resource;
import static io.dyninka.processor.Compilations.writeOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.processor.checking.ErrorMessages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A @Dataflow body with Flow variables")
class DagTest {

  private static ServiceManifest service(AppManifest app, String name) {
    return app.service(name).orElseThrow(() -> new AssertionError("no service " + name));
  }

  private static List<String> froms(ServiceManifest service) {
    return service.inputs().stream().map(InputManifest::from).toList();
  }

  @Nested
  @DisplayName("used twice, as an order-scoring DAG")
  class Scoring {
    private final Compilation compilation = compile(good("org/example/dag/Scoring.java"));
    private final AppManifest app = manifest(compilation, "scoring");

    @Test
    @DisplayName("compiles without an error or a warning")
    void clean() {
      CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    @DisplayName("holds the shared step once, upstream of both branches")
    void sharedStepOnce() {
      assertThat(app.services().stream().map(ServiceManifest::name))
          .containsExactly("validate", "velocity", "binLookup", "score", "label");
      assertThat(froms(service(app, "validate"))).containsExactly((String) null);
      assertThat(froms(service(app, "velocity"))).containsExactly("validate");
      assertThat(froms(service(app, "binLookup"))).containsExactly("validate");
      assertThat(froms(service(app, "score"))).containsExactly("velocity", "binLookup");
      assertThat(app.sink()).isEqualTo("label");
    }

    @Test
    @DisplayName("names the nearest common downstream as the one that shares it")
    void shares() {
      assertThat(service(app, "score").shares()).containsExactly("validate");
      assertThat(app.services().stream().filter(s -> !s.name().equals("score")))
          .allSatisfy(s -> assertThat(s.shares()).isEmpty());
      assertThat(manifestText(compilation, "scoring"))
          .contains("\"shares\" : [ \"validate\" ]")
          .containsOnlyOnce("\"shares\"");
    }
  }

  @Test
  @DisplayName(
      "fed straight into both inputs of a zip: the zip shares it; one used once: no sharing")
  void bothInputsOfAZip() {
    AppManifest app = manifest(compile(good("org/example/dag/Twice.java")), "twice");
    assertThat(app.services().stream().map(ServiceManifest::name))
        .containsExactly("one", "inc", "sum");
    assertThat(froms(service(app, "sum"))).containsExactly("inc", "inc");
    assertThat(service(app, "sum").shares()).containsExactly("inc");
    assertThat(service(app, "inc").shares()).isEmpty();
  }

  @Test
  @DisplayName("is written again, shares included, when only a file of its services is recompiled")
  void incrementalRebuild(@TempDir Path previous) throws IOException {
    Compilation first =
        compile(
            good("org/example/dagsplit/Fraud.java"), good("org/example/dagsplit/FraudSteps.java"));
    CompilationSubject.assertThat(first).succeededWithoutWarnings();
    writeOutputs(first, previous);

    Compilation second =
        recompiler(previous).compile(resource("incremental/org/example/dagsplit/FraudSteps.java"));

    CompilationSubject.assertThat(second).succeededWithoutWarnings();
    AppManifest after = manifest(second, "fraud");
    assertThat(service(after, "verdict").shares()).containsExactly("check");
    assertThat(after).isEqualTo(manifest(first, "fraud"));
  }

  @Nested
  @DisplayName("used wrongly")
  class Mistakes {
    private final JavaFileObject source = bad("org/example/bad/FlowVariables.java");
    private final Compilation compilation = compile(source);

    @Test
    @DisplayName("a reassigned variable is one error, on the assignment")
    void reassigned() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.flowVariableReassigned("base"))
          .inFile(source)
          .onLineContaining("// again");
      // No cascade: the reassigned chain is not read as a second chain of the app.
      assertThat(compilation.errors())
          .map(e -> e.getMessage(null))
          .noneMatch(m -> m.contains("more than one Flow chain"))
          .filteredOn(m -> m.contains("assigned again"))
          .hasSize(1);
    }

    @Test
    @DisplayName("an unused variable is a warning on its declaration")
    void unused() {
      CompilationSubject.assertThat(compilation)
          .hadWarningContaining(ErrorMessages.flowVariableUnused("spare"))
          .inFile(source)
          .onLineContaining("// spare");
    }

    @Test
    @DisplayName("a service written twice still errors, even through a variable")
    void writtenTwice() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.serviceUsedTwice("third", "written-twice"))
          .inFile(source)
          .onLineContaining("// twice");
    }

    @Test
    @DisplayName("a variable used in its own initializer is a cycle")
    void cycle() {
      JavaFileObject cyclic = bad("org/example/bad/FlowCycle.java");
      CompilationSubject.assertThat(compile(cyclic))
          .hadErrorContaining(ErrorMessages.flowVariableCycle("loop"))
          .inFile(cyclic)
          .onLineContaining("// cycle");
    }
  }
}
