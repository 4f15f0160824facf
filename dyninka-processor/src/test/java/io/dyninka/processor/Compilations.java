package io.dyninka.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.dyninka.manifest.AppManifest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles fixtures with the processor, and reads what it wrote. */
final class Compilations {

  /**
   * Every lint, "no processor claimed these annotations" included: a user's build with {@code
   * -Xlint:all -Werror} must stay clean.
   */
  static final List<String> OPTIONS = List.of("-Xlint:all");

  /**
   * Every lint but "processing", for compilations that see the output of an earlier one on their
   * class path: javac warns about every generated type that the class path already has (the service
   * classes of the last build), as it does for any processor that writes sources.
   */
  static final List<String> RECOMPILE_OPTIONS = List.of("-Xlint:all,-processing");

  private Compilations() {}

  static JavaFileObject good(String path) {
    return JavaFileObjects.forResource("good/" + path);
  }

  static JavaFileObject bad(String path) {
    return JavaFileObjects.forResource("bad/" + path);
  }

  static JavaFileObject resource(String path) {
    return JavaFileObjects.forResource(path);
  }

  static Compiler compiler() {
    return compiler(new DyninkaProcessor());
  }

  static Compiler compiler(Processor processor) {
    return javac().withProcessors(processor).withOptions(OPTIONS);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compiler().compile(sources);
  }

  static String manifestText(Compilation compilation, String app) {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, AppManifest.resourcePath(app))
            .orElseThrow(() -> new AssertionError("no manifest for " + app));
    return contents(file);
  }

  static AppManifest manifest(Compilation compilation, String app) {
    return AppManifest.decode(manifestText(compilation, app));
  }

  static boolean hasManifest(Compilation compilation, String app) {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, AppManifest.resourcePath(app))
        .isPresent();
  }

  static String generatedSource(Compilation compilation, String qualifiedName) {
    return contents(
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName)));
  }

  static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contents(JavaFileObject file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  /** Every generated file (sources, classes, resources) by its path, with its bytes. */
  static Map<String, byte[]> outputs(Compilation compilation) {
    Map<String, byte[]> outputs = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      outputs.put(file.toUri().getPath(), bytes(file));
    }
    return outputs;
  }

  /**
   * Writes what {@code compilation} leaves for the next compilation under {@code directory}, as a
   * build would: its class output in {@code classes}, and in {@code generated} the files of its
   * generated-source output that are not sources (the build index). The generated sources stay out:
   * the class path has their classes, and javac would compile a newer source again.
   */
  static void writeOutputs(Compilation compilation, Path directory) throws IOException {
    String classOutput = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
    String sourceOutput = "/" + StandardLocation.SOURCE_OUTPUT.getName() + "/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      Path target = null;
      if (path.startsWith(classOutput)) {
        target = directory.resolve("classes").resolve(path.substring(classOutput.length()));
      } else if (path.startsWith(sourceOutput) && !path.endsWith(".java")) {
        target = directory.resolve("generated").resolve(path.substring(sourceOutput.length()));
      }
      if (target != null) {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes(file));
      }
    }
  }

  /**
   * A compiler that sees the outputs of an earlier compilation under {@code directory} ({@link
   * #writeOutputs}) as a build does: the classes on the class path, the generated files on the
   * source path.
   */
  static Compiler recompiler(Path directory) {
    List<String> options = new ArrayList<>(RECOMPILE_OPTIONS);
    options.addAll(List.of("-sourcepath", directory.resolve("generated").toString()));
    return javac()
        .withProcessors(new DyninkaProcessor())
        .withOptions(options)
        .withClasspath(classPathWith(directory.resolve("classes")));
  }

  /** The test class path, plus {@code extra}: what a build's second javac run sees. */
  static List<File> classPathWith(Path extra) {
    List<File> files = new ArrayList<>();
    files.add(extra.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      files.add(new File(entry));
    }
    return files;
  }
}
