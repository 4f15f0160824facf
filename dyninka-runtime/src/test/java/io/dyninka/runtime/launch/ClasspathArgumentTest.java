package io.dyninka.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClasspathArgumentTest {

  @Test
  @DisplayName("puts a short class path on the command line")
  void shortClasspath() {
    try (ClasspathArgument argument =
        ClasspathArgument.of(List.of(Path.of("a.jar"), Path.of("b")))) {
      assertThat(argument.arguments())
          .containsExactly("-cp", "a.jar" + java.io.File.pathSeparator + "b");
    }
  }

  @Test
  @DisplayName("puts a long class path, quoted, in an argument file that close() deletes")
  void longClasspath() throws Exception {
    List<Path> classpath = new ArrayList<>();
    while (classpath.size() * 40 < 2 * ClasspathArgument.INLINE_LIMIT) {
      classpath.add(Path.of("/dir with \"quote\"/lib-" + classpath.size() + ".jar"));
    }
    Path file;
    try (ClasspathArgument argument = ClasspathArgument.of(classpath)) {
      assertThat(argument.arguments()).singleElement().asString().startsWith("@");
      file = Path.of(argument.arguments().get(0).substring(1));
      assertThat(Files.readString(file))
          .startsWith("-cp \"/dir with \\\"quote\\\"/lib-0.jar")
          .endsWith(".jar\"" + System.lineSeparator());
    }
    assertThat(file).doesNotExist();
  }
}
