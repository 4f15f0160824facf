package io.dyninka.processor.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Reads and writes the {@link AppIndex} through the {@link Filer}. */
public final class IndexFiles {

  private final Filer filer;

  public IndexFiles(Filer filer) {
    this.filer = filer;
  }

  /**
   * The index that the last compilation left: in the class output (Maven, IDEs), else on the class
   * path (a build whose earlier output is an input); empty when there is none.
   */
  public AppIndex previous() {
    for (StandardLocation location :
        new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH}) {
      try {
        FileObject file = filer.getResource(location, "", AppIndex.RESOURCE);
        try (InputStream in = file.openInputStream()) {
          return AppIndex.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException | RuntimeException absent) {
        // Not there, or a compiler whose Filer reads no such location: try the next place.
      }
    }
    return AppIndex.empty();
  }

  public void write(AppIndex index, Element... originatingElements) throws IOException {
    FileObject file =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", AppIndex.RESOURCE, originatingElements);
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(index.encode());
    }
  }
}
