package io.dyninka.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.dyninka.processor.Compilations.bad;
import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.manifest;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import javax.tools.JavaFileObject;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A @Service that no flow of its class uses")
class UnusedServiceTest {

  @Test
  @DisplayName("gets a warning, and the app is still written")
  void warns() {
    JavaFileObject source = bad("org/example/bad/Unused.java");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(ErrorMessages.unusedService("Unused.forgotten", "Unused"))
        .inFile(source)
        .onLineContaining("static int forgotten(int x)");
    assertThat(compilation).hadWarningCount(1);
    Assertions.assertThat(manifest(compilation, "unused").services()).hasSize(1);
  }

  @Test
  @DisplayName("gets no warning when the chain of its class is in error, as with a lambda step")
  void notAfterAChainError() {
    JavaFileObject source = bad("org/example/bad/LambdaInstead.java");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(ErrorMessages.lambdaStep())
        .inFile(source)
        .onLineContaining(".then(x -> x + 1)");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }
}
