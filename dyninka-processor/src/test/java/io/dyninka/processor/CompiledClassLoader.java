package io.dyninka.processor;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Loads the classes a compilation wrote, over the test class path. */
final class CompiledClassLoader extends ClassLoader {
  private final Compilation compilation;

  CompiledClassLoader(Compilation compilation) {
    super(CompiledClassLoader.class.getClassLoader());
    this.compilation = compilation;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class")
            .orElseThrow(() -> new ClassNotFoundException(name));
    byte[] bytes = Compilations.bytes(file);
    return defineClass(name, bytes, 0, bytes.length);
  }
}
