package io.dyninka.processor;

import io.dyninka.processor.index.AppIndex;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/** javac's Filer, except that it cannot create the build index: a full disk, say. */
final class IndexFailingFiler implements Filer {
  private final Filer filer;

  IndexFailingFiler(Filer filer) {
    this.filer = filer;
  }

  @Override
  public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
      throws IOException {
    return filer.createSourceFile(name, originatingElements);
  }

  @Override
  public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
      throws IOException {
    return filer.createClassFile(name, originatingElements);
  }

  @Override
  public FileObject createResource(
      JavaFileManager.Location location,
      CharSequence moduleAndPkg,
      CharSequence relativeName,
      Element... originatingElements)
      throws IOException {
    if (relativeName.toString().equals(AppIndex.RESOURCE)) {
      throw new IOException("disk full");
    }
    return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
  }

  @Override
  public FileObject getResource(
      JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
      throws IOException {
    return filer.getResource(location, moduleAndPkg, relativeName);
  }
}
