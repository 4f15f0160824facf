package io.dyninka.processor;

import static com.google.testing.compile.Compiler.javac;
import static io.dyninka.processor.Compilations.manifest;
import static io.dyninka.processor.Compilations.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.processor.checking.ErrorMessages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Kotlin sources as the processor sees them under kapt: Java stubs without function bodies, whose
 * classes carry {@code @kotlin.Metadata}. The fixtures under {@code kapt/} are such stubs; the
 * smart-building-kotlin example runs the real kapt.
 */
@DisplayName("For Kotlin sources (kapt stubs), the processor")
class KotlinSourcesTest {

  private static final JavaFileObject METADATA = kapt("kotlin/Metadata.java");
  private static final JavaFileObject CONTINUATION = kapt("kotlin/coroutines/Continuation.java");

  private static JavaFileObject kapt(String path) {
    return resource("kapt/" + path);
  }

  /**
   * Without the "processing" lint: {@code @kotlin.Metadata} on every stub is nobody's to claim.
   * kapt itself does not run javac's lints on its stubs.
   */
  private static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new DyninkaProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(sources);
  }

  @Nested
  @DisplayName("given @Dataflow(steps)")
  class Steps {
    private final Compilation compilation =
        compile(
            METADATA, kapt("org/example/kt/Reading.java"), kapt("org/example/kt/BuildingKt.java"));

    @Test
    @DisplayName("names the app after the Kotlin file, not the JVM class BuildingKt")
    void appName() {
      CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
      AppManifest app = manifest(compilation, "building");
      assertThat(app.source()).isEqualTo("org.example.kt.BuildingKt");
      assertThat(app.services().stream().map(ServiceManifest::mainClass))
          .containsExactly(
              "org.example.kt.BuildingGetService",
              "org.example.kt.BuildingFilterTemperatureService",
              "org.example.kt.BuildingMapService",
              "org.example.kt.BuildingMovingAvgService");
    }

    @Test
    @DisplayName("takes an extension function's receiver as its input")
    void receivers() {
      AppManifest app = manifest(compilation, "building");
      assertThat(app.service("map").orElseThrow().inputs())
          .containsExactly(new InputManifest("filterTemperature", "org.example.kt.Reading"));
      assertThat(app.service("movingAvg").orElseThrow().inputs())
          .containsExactly(new InputManifest("map", "double"));
      assertThat(app.service("movingAvg").orElseThrow().placed())
          .containsExactly("org.example.kt.BuildingKt#average", "org.example.kt.BuildingKt#count");
    }
  }

  @Test
  @DisplayName("asks for @Dataflow(steps) in Kotlin's words when a function has none")
  void noSteps() {
    JavaFileObject source = kapt("org/example/kt/NoStepsKt.java");
    Compilation compilation = compile(METADATA, source);

    CompilationSubject.assertThat(compilation)
        .hadErrorContaining(ErrorMessages.kotlinBodyNotReadable("ticks (NoSteps.kt)"))
        .inFile(source)
        .onLineContaining("io.dyninka.Flow<java.lang.Integer> ticks()");
    CompilationSubject.assertThat(compilation).hadErrorCount(1);
    // What a chain it cannot read uses is unknown: no "unused service" warning either.
    CompilationSubject.assertThat(compilation).hadWarningCount(0);
  }

  @Nested
  @DisplayName("names a function that cannot be a service, and says the Kotlin fix")
  class BadFunctions {
    private final JavaFileObject bad = kapt("org/example/kt/BadKt.java");
    private final JavaFileObject counter = kapt("org/example/kt/Counter.java");
    private final Compilation compilation = compile(METADATA, CONTINUATION, bad, counter);

    @Test
    @DisplayName("a private top-level function")
    void privateFunction() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.kotlinServicePrivate("hidden (Bad.kt)"))
          .inFile(bad)
          .onLineContaining("private static final int hidden()");
    }

    @Test
    @DisplayName("a suspend function, by its name and not by its Continuation parameter")
    void suspendFunction() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.kotlinSuspendService("fetch (Bad.kt)"))
          .inFile(bad)
          .onLineContaining("public static final java.lang.Object fetch(");
      assertThat(compilation.errors())
          .noneMatch(error -> error.getMessage(null).contains("$completion"));
    }

    @Test
    @DisplayName("a receiver that cannot travel as JSON, as the receiver")
    void receiver() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(
              ErrorMessages.receiverNotJson("spin", "Thread", ErrorMessages.NotJson.THREAD))
          .inFile(bad)
          .onLineContaining("java.lang.Thread $this$spin");
    }

    @Test
    @DisplayName("a member function of a class, and a property of one")
    void members() {
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.kotlinServiceNotStatic("Counter.next"))
          .inFile(counter)
          .onLineContaining("public final long next(long step)");
      CompilationSubject.assertThat(compilation)
          .hadErrorContaining(ErrorMessages.kotlinPlacedNotStatic("Counter.total"))
          .inFile(counter)
          .onLineContaining("private long total");
    }
  }
}
