package io.dyninka.processor;

import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.generatedSource;
import static io.dyninka.processor.Compilations.manifestText;
import static io.dyninka.processor.Compilations.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.dyninka.processor.checking.ErrorMessages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Eclipse compiler (ecj, the compiler of Eclipse and of VS Code's Java support) runs processors
 * without the Compiler Tree API: {@code @Dataflow(steps)} works fully, a chain in a method body
 * cannot be read.
 */
@DisplayName("Under the Eclipse compiler, the processor")
class EclipseCompilerTest {

  @TempDir Path work;

  @Test
  @DisplayName("writes for @Dataflow(steps) the very services and manifest that javac gets")
  void stepsAsUnderJavac() throws IOException {
    String source = "steps/named/org/example/relay/Relay.java";
    DiskCompilation ecj = DiskCompilation.ecj(work, new DyninkaProcessor(), source);
    Compilation javac = compile(resource(source));

    assertThat(ecj.diagnostics()).isEmpty();
    assertThat(ecj.succeeded()).isTrue();
    assertThat(ecj.manifest("relay")).isEqualTo(manifestText(javac, "relay"));
    for (String service : List.of("Parse", "Positive", "Square")) {
      String generated = "org.example.relay.Relay" + service + "Service";
      assertThat(ecj.generatedSource(generated)).isEqualTo(generatedSource(javac, generated));
      assertThat(ecj.hasClass(generated)).as(generated).isTrue();
    }
  }

  @Test
  @DisplayName("writes an app with a source head and a checked exception, without a warning")
  void sourceHead() throws IOException {
    String source = "good/org/example/sources/SourceSteps.java";
    DiskCompilation ecj = DiskCompilation.ecj(work, new DyninkaProcessor(), source);

    assertThat(ecj.diagnostics()).isEmpty();
    assertThat(ecj.manifest("ticks")).isEqualTo(manifestText(compile(resource(source)), "ticks"));
  }

  @Test
  @DisplayName("asks for @Dataflow(steps) on a chain it cannot read, and says nothing else")
  void chainInBody() throws IOException {
    String source = "good/org/example/building/SmartBuilding.java";
    DiskCompilation ecj = DiskCompilation.ecj(work, new DyninkaProcessor(), source);

    assertThat(ecj.succeeded()).isFalse();
    assertThat(ecj.diagnostics()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = ecj.diagnostics().get(0);
    assertThat(error.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
    assertThat(error.getMessage(Locale.ROOT))
        .isEqualTo(ErrorMessages.bodyNotReadable("SmartBuilding.building"));
    assertThat(error.getSource().getName()).endsWith("SmartBuilding.java");
    assertThat(error.getLineNumber())
        .isEqualTo(DiskCompilation.lineOf(source, "static Flow<Average> building()"));
    assertThat(ecj.hasClass("org.example.building.SmartBuildingMapService")).isFalse();
  }
}
