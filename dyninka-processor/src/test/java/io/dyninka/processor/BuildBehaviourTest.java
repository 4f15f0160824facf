package io.dyninka.processor;

import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.compiler;
import static io.dyninka.processor.Compilations.generatedSource;
import static io.dyninka.processor.Compilations.good;
import static io.dyninka.processor.Compilations.hasManifest;
import static io.dyninka.processor.Compilations.manifestText;
import static io.dyninka.processor.Compilations.outputs;
import static io.dyninka.processor.Compilations.recompiler;
import static io.dyninka.processor.Compilations.resource;
import static io.dyninka.processor.Compilations.writeOutputs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.processor.checking.ErrorMessages;
import io.dyninka.processor.index.AppIndex;
import io.dyninka.processor.model.AppModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("In a build, the processor")
class BuildBehaviourTest {

  @Test
  @DisplayName("writes byte-identical outputs for the same sources")
  void deterministic() {
    JavaFileObject[] sources = {
      good("org/example/building/SmartBuilding.java"),
      good("org/example/shop/Shop.java"),
      good("org/example/types/Shapes.java")
    };
    Map<String, byte[]> first = outputs(compile(sources));
    Map<String, byte[]> second = outputs(compile(sources));

    assertThat(first).isNotEmpty();
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  @DisplayName("adds no warning to a build with -Xlint:all -Werror")
  void strictBuild() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new DyninkaProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(
                good("org/example/building/SmartBuilding.java"),
                good("org/example/shop/Shop.java"),
                good("org/example/sources/SourceSteps.java"),
                good("org/example/split/Pipeline.java"),
                good("org/example/split/Steps.java"));

    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    assertThat(hasManifest(compilation, "smart-building")).isTrue();
  }

  @Nested
  @DisplayName("in an incremental build")
  class Incremental {
    @TempDir Path previous;

    private Compilation firstBuild() throws IOException {
      Compilation first =
          compile(
              good("org/example/split/Pipeline.java"),
              good("org/example/split/Steps.java"),
              good("org/example/split/Unrelated.java"));
      CompilationSubject.assertThat(first).succeededWithoutWarnings();
      writeOutputs(first, previous);
      return first;
    }

    @Test
    @DisplayName("rewrites nothing when only a file unrelated to @Dataflow is recompiled")
    void unrelatedFile() throws IOException {
      Compilation first = firstBuild();
      Path manifest = previous.resolve("classes").resolve(AppManifest.resourcePath("pipeline"));

      Compilation second =
          recompiler(previous).compile(resource("incremental/org/example/split/Unrelated.java"));

      CompilationSubject.assertThat(second).succeededWithoutWarnings();
      assertThat(second.generatedSourceFiles()).isEmpty();
      assertThat(hasManifest(second, "pipeline")).isFalse();
      assertThat(Files.readString(manifest)).isEqualTo(manifestText(first, "pipeline"));
    }

    @Test
    @DisplayName("writes the app again when only a file of its services is recompiled")
    void serviceFileAlone() throws IOException {
      Compilation first = firstBuild();

      Compilation second =
          recompiler(previous).compile(resource("incremental/org/example/split/Steps.java"));

      CompilationSubject.assertThat(second).succeededWithoutWarnings();
      AppManifest before = AppManifest.decode(manifestText(first, "pipeline"));
      AppManifest after = AppManifest.decode(manifestText(second, "pipeline"));
      ServiceManifest keep = after.service("keep").orElseThrow();
      assertThat(keep.placed()).containsExactly("org.example.split.Steps#seen");
      assertThat(keep.stateful()).isTrue();
      assertThat(after.services().stream().filter(s -> !s.name().equals("keep")))
          .containsExactlyElementsOf(
              before.services().stream().filter(s -> !s.name().equals("keep")).toList());
      for (String service : List.of("Keep", "Enrich", "Total")) {
        String generated = "org.example.split.Pipeline" + service + "Service";
        assertThat(generatedSource(second, generated)).isEqualTo(generatedSource(first, generated));
      }
      assertThat(second.generatedFile(StandardLocation.SOURCE_OUTPUT, AppIndex.RESOURCE))
          .isPresent();
    }

    @Test
    @DisplayName("reports a recompiled service that the chain no longer fits, on the service")
    void serviceNoLongerFits() throws IOException {
      firstBuild();
      JavaFileObject steps = resource("incremental/changed-kind/org/example/split/Steps.java");

      Compilation second = recompiler(previous).compile(steps);

      CompilationSubject.assertThat(second)
          .hadErrorContaining(
              ErrorMessages.wrongStepKind(
                  "Steps::total",
                  "Future<Total>",
                  ".then",
                  ErrorMessages.use(".thenAsync", "Steps::total")))
          .inFile(steps)
          .onLineContaining("static Future<Total> total(Item item)");
      CompilationSubject.assertThat(second).hadErrorCount(1);
    }

    @Test
    @DisplayName("writes the same manifest when only the @Dataflow file is recompiled")
    void dataflowFileAlone() throws IOException {
      Compilation first = firstBuild();

      Compilation second = recompiler(previous).compile(good("org/example/split/Pipeline.java"));

      CompilationSubject.assertThat(second).succeededWithoutWarnings();
      assertThat(manifestText(second, "pipeline")).isEqualTo(manifestText(first, "pipeline"));
      assertThat(AppManifest.decode(manifestText(second, "pipeline")).service("total"))
          .hasValueSatisfying(
              total -> {
                assertThat(total.placed())
                    .containsExactly(
                        "org.example.split.Steps#sum", "org.example.split.Steps#items");
                assertThat(total.blocking()).isTrue();
              });
    }
  }

  /**
   * What an IDE's javac build does (IntelliJ's, or any build that recompiles the changed files
   * only): one compilation after the other into the same folders, the class output on the class
   * path. Unlike {@link Incremental}, the processor finds its build index in the class output
   * itself, through the Filer, and writes it again in place.
   */
  @Nested
  @DisplayName("in an IDE-style build into the same folders")
  class OnDisk {
    private static final String PIPELINE = "good/org/example/split/Pipeline.java";
    private static final String STEPS = "good/org/example/split/Steps.java";
    private static final String EDITED_STEPS = "incremental/org/example/split/Steps.java";

    @TempDir Path work;

    @Test
    @DisplayName("recompiling a file of services alone gives what a full build of the edit gives")
    void serviceFileAlone() throws IOException {
      Path ide = work.resolve("ide");
      DiskCompilation first =
          DiskCompilation.javac(ide, Compilations.OPTIONS, new DyninkaProcessor(), PIPELINE, STEPS);
      assertThat(first.diagnostics()).isEmpty();
      String before = first.manifest("pipeline");

      DiskCompilation edit =
          DiskCompilation.javac(
              ide, Compilations.RECOMPILE_OPTIONS, new DyninkaProcessor(), EDITED_STEPS);
      DiskCompilation full =
          DiskCompilation.javac(
              work.resolve("full"),
              Compilations.OPTIONS,
              new DyninkaProcessor(),
              PIPELINE,
              EDITED_STEPS);

      assertThat(edit.diagnostics()).isEmpty();
      assertThat(edit.manifest("pipeline"))
          .isNotEqualTo(before)
          .isEqualTo(full.manifest("pipeline"));
      assertThat(edit.generated(AppIndex.RESOURCE)).isEqualTo(full.generated(AppIndex.RESOURCE));
      for (String service : List.of("Keep", "Enrich", "Total")) {
        String generated = "org.example.split.Pipeline" + service + "Service";
        assertThat(edit.generatedSource(generated)).isEqualTo(full.generatedSource(generated));
      }

      DiskCompilation undo =
          DiskCompilation.javac(ide, Compilations.RECOMPILE_OPTIONS, new DyninkaProcessor(), STEPS);
      assertThat(undo.diagnostics()).isEmpty();
      assertThat(undo.manifest("pipeline")).isEqualTo(before);
    }

    @Test
    @DisplayName("recompiling an unrelated file leaves the manifest and the index as they were")
    void unrelatedFile() throws IOException {
      DiskCompilation first =
          DiskCompilation.javac(
              work, Compilations.OPTIONS, new DyninkaProcessor(), PIPELINE, STEPS);
      String manifest = first.manifest("pipeline");
      String index = first.generated(AppIndex.RESOURCE);

      DiskCompilation second =
          DiskCompilation.javac(
              work,
              Compilations.RECOMPILE_OPTIONS,
              new DyninkaProcessor(),
              "incremental/org/example/split/Unrelated.java");

      assertThat(second.diagnostics()).isEmpty();
      assertThat(second.manifest("pipeline")).isEqualTo(manifest);
      assertThat(second.generated(AppIndex.RESOURCE)).isEqualTo(index);
    }
  }

  @Nested
  @DisplayName("keeps its build index out of what a jar or an image packages")
  class IndexPlace {
    @TempDir Path work;

    @Test
    @DisplayName("in the generated-source output, not among the class-output resources")
    void notInClassOutput() {
      Compilation compilation =
          compile(good("org/example/split/Pipeline.java"), good("org/example/split/Steps.java"));

      assertThat(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, AppIndex.RESOURCE))
          .isPresent();
      String classOutput = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
      assertThat(
              compilation.generatedFiles().stream()
                  .map(file -> file.toUri().getPath())
                  .filter(path -> path.startsWith(classOutput))
                  .map(path -> path.substring(classOutput.length())))
          .isNotEmpty()
          .allMatch(
              path -> path.endsWith(".class") || path.equals(AppManifest.resourcePath("pipeline")));
    }

    @Test
    @DisplayName("on disk: the class folder holds classes and manifests only")
    void notInClassFolder() throws IOException {
      DiskCompilation build =
          DiskCompilation.javac(
              work,
              Compilations.OPTIONS,
              new DyninkaProcessor(),
              "good/org/example/split/Pipeline.java",
              "good/org/example/split/Steps.java");

      assertThat(build.diagnostics()).isEmpty();
      assertThat(build.generated(AppIndex.RESOURCE)).contains("app\tpipeline\t");
      assertThat(build.hasOutput(AppIndex.RESOURCE)).isFalse();
      try (var files = Files.walk(work.resolve("classes"))) {
        assertThat(
                files
                    .filter(Files::isRegularFile)
                    .map(file -> work.resolve("classes").relativize(file).toString()))
            .isNotEmpty()
            .allMatch(
                path ->
                    path.endsWith(".class") || path.equals(AppManifest.resourcePath("pipeline")));
      }
    }
  }

  @Nested
  @DisplayName("without the Compiler Tree API (a wrapped processing environment)")
  class WithoutTrees {
    @Test
    @DisplayName("asks for @Dataflow(steps) where it cannot read a chain")
    void chainUnreadable() {
      JavaFileObject source = good("org/example/building/SmartBuilding.java");
      Compilation compilation =
          compiler(new WrappedEnvironment(new DyninkaProcessor())).compile(source);

      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.bodyNotReadable("SmartBuilding.building"))
          .inFile(source)
          .onLineContaining("static Flow<Average> building()");
    }

    @Test
    @DisplayName("still writes an app given by @Dataflow(steps)")
    void stepsStillWork() {
      Compilation withTrees = compile(good("org/example/sources/SourceSteps.java"));
      Compilation wrapped =
          compiler(new WrappedEnvironment(new DyninkaProcessor()))
              .compile(good("org/example/sources/SourceSteps.java"));

      CompilationSubject.assertThat(wrapped).succeededWithoutWarnings();
      assertThat(manifestText(wrapped, "ticks")).isEqualTo(manifestText(withTrees, "ticks"));
    }
  }

  @Nested
  @DisplayName("when something goes wrong")
  class Failures {
    private final List<String> written = new ArrayList<>();

    @Test
    @DisplayName("writes nothing for an app with errors, and still writes the others")
    void errorsStopOnlyTheirApp() {
      Compilation compilation =
          compiler(new DyninkaProcessor(env -> app -> written.add(app.name())))
              .compile(
                  good("org/example/building/SmartBuilding.java"),
                  bad("org/example/bad/ChainShapes.java"));

      CompilationSubject.assertThat(compilation).failed();
      assertThat(written).containsExactly("smart-building");
    }

    @Test
    @DisplayName("turns an unexpected exception into an error on the element, and goes on")
    void unexpectedException() {
      JavaFileObject shop = good("org/example/shop/Shop.java");
      Compilation compilation =
          compiler(new DyninkaProcessor(env -> app -> fail(app, "shop")))
              .compile(good("org/example/building/SmartBuilding.java"), shop);

      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.UNEXPECTED_FAILURE)
          .inFile(shop)
          .onLineContaining("static Flow<List<Receipt>> checkout()");
      CompilationSubject.assertThat(compilation).hadErrorContaining("boom");
      assertThat(written).containsExactly("smart-building");
    }

    @Test
    @DisplayName("reports a file it cannot write on the @Dataflow method")
    void cannotWrite() {
      JavaFileObject source = good("org/example/building/SmartBuilding.java");
      Compilation compilation =
          compiler(
                  new DyninkaProcessor(
                      env ->
                          app -> {
                            throw new IOException("disk full");
                          }))
              .compile(source);

      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.cannotWrite("smart-building", "disk full"))
          .inFile(source)
          .onLineContaining("static Flow<Average> building()");
    }

    @Test
    @DisplayName("reports a build index it cannot write, and still writes the app")
    void cannotWriteIndex() {
      Compilation compilation =
          compiler(
                  new WrappedEnvironment(
                      new DyninkaProcessor(env -> app -> written.add(app.name())),
                      IndexFailingFiler::new))
              .compile(good("org/example/sources/SourceSteps.java"));

      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.cannotWriteIndex(AppIndex.RESOURCE, "disk full"));
      CompilationSubject.assertThat(compilation).hadErrorCount(1);
      assertThat(written).containsExactly("ticks");
    }

    private void fail(AppModel app, String failing) {
      if (app.name().equals(failing)) {
        throw new IllegalStateException("boom");
      }
      written.add(app.name());
    }
  }
}
