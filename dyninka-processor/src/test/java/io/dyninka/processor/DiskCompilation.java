package io.dyninka.processor;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * A compilation through {@code javax.tools} into real folders, as a build tool or an IDE runs one:
 * {@code work/classes} is the class output and is on the class path, {@code work/generated} takes
 * the generated sources, and both stay for the next compilation under the same {@code work}. The
 * Eclipse compiler needs this (it reads the sources a processor generates back from disk, which
 * compile-testing's in-memory files do not allow), and so does a faithful incremental build: the
 * processor then reads its build index from the class output itself.
 */
final class DiskCompilation {

  private final Path classes;
  private final Path generated;
  private final boolean succeeded;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;

  private DiskCompilation(
      Path classes,
      Path generated,
      boolean succeeded,
      List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    this.classes = classes;
    this.generated = generated;
    this.succeeded = succeeded;
    this.diagnostics = diagnostics;
  }

  /**
   * Compiles test resources (such as {@code good/org/example/…java}) with ecj under {@code work}.
   */
  static DiskCompilation ecj(Path work, Processor processor, String... resources)
      throws IOException {
    return compile(new EclipseCompiler(), List.of(), work, processor, resources);
  }

  /** Compiles test resources with javac and {@code options} under {@code work}. */
  static DiskCompilation javac(
      Path work, List<String> options, Processor processor, String... resources)
      throws IOException {
    return compile(ToolProvider.getSystemJavaCompiler(), options, work, processor, resources);
  }

  private static DiskCompilation compile(
      JavaCompiler compiler,
      List<String> options,
      Path work,
      Processor processor,
      String... resources)
      throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<File> sources = new ArrayList<>();
      for (String resource : resources) {
        sources.add(resource(resource).toFile());
      }
      List<String> arguments = new ArrayList<>(options);
      arguments.addAll(
          List.of(
              "--release",
              "17",
              "-d",
              classes.toString(),
              "-s",
              generated.toString(),
              "-classpath",
              classes + File.pathSeparator + System.getProperty("java.class.path")));
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              // ecj also prints its problems; the diagnostics carry them, so keep the log quiet.
              new PrintWriter(new StringWriter()),
              files,
              diagnostics,
              arguments,
              null,
              files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(processor));
      boolean succeeded = task.call();
      return new DiskCompilation(classes, generated, succeeded, diagnostics.getDiagnostics());
    }
  }

  /** Where a test resource is on disk. */
  static Path resource(String name) {
    try {
      return Path.of(DiskCompilation.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  /** The 1-based number of the first line of a test resource that contains {@code text}. */
  static long lineOf(String resource, String text) {
    List<String> lines = readLines(resource(resource));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + resource + " contains " + text);
  }

  boolean succeeded() {
    return succeeded;
  }

  List<Diagnostic<? extends JavaFileObject>> diagnostics() {
    return diagnostics;
  }

  String manifest(String app) {
    return output("META-INF/dyninka/" + app + ".json");
  }

  String generatedSource(String qualifiedName) {
    return read(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
  }

  /** A file of the class output, such as a manifest. */
  String output(String path) {
    return read(classes.resolve(path));
  }

  /** Whether the class output has a file at {@code path}. */
  boolean hasOutput(String path) {
    return Files.exists(classes.resolve(path));
  }

  /** A file of the generated-source output, such as the build index. */
  String generated(String path) {
    return read(generated.resolve(path));
  }

  boolean hasClass(String qualifiedName) {
    return Files.exists(classes.resolve(qualifiedName.replace('.', '/') + ".class"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
