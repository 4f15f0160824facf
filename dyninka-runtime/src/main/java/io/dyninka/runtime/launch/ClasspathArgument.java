package io.dyninka.runtime.launch;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -cp} option of a service command line. A long class path goes through a {@code java
 * @argfile} instead, because a command line is limited (32 KB on Windows, 128 KB per argument on
 * Linux); the file is only needed until the JVMs have started.
 */
final class ClasspathArgument implements AutoCloseable {

  /** Below the smallest of the limits, with room for the rest of the command line. */
  static final int INLINE_LIMIT = 30_000;

  private final List<String> arguments;
  private final Path argumentFile;

  private ClasspathArgument(List<String> arguments, Path argumentFile) {
    this.arguments = arguments;
    this.argumentFile = argumentFile;
  }

  static ClasspathArgument of(List<Path> classpath) {
    String joined =
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    if (joined.length() <= INLINE_LIMIT) {
      return new ClasspathArgument(List.of("-cp", joined), null);
    }
    try {
      Path file = Files.createTempFile("dyninka-classpath", ".args");
      // In an argument file a quoted string keeps its spaces, and backslash escapes.
      String quoted = '"' + joined.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
      Files.writeString(file, "-cp " + quoted + System.lineSeparator());
      return new ClasspathArgument(List.of("@" + file), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the class path argument file", e);
    }
  }

  List<String> arguments() {
    return arguments;
  }

  @Override
  public void close() {
    if (argumentFile != null) {
      try {
        Files.deleteIfExists(argumentFile);
      } catch (IOException e) {
        // A leftover file in the temp directory is harmless.
      }
    }
  }
}
