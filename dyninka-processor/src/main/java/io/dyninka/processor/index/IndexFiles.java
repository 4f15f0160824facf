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

/**
 * Reads and writes the {@link AppIndex} through the {@link Filer}, in the generated-source output
 * ({@code -s}: Maven's and IntelliJ's {@code target/generated-sources/annotations}).
 *
 * <p>Not in the class output: everything there is packaged (Maven's jar plugin and Jib take {@code
 * target/classes} whole, {@code META-INF} or not), and the index is a build-time file that a user's
 * jar and image have no use for. The generated-source output is where an incremental compiler looks
 * anyway (it is the {@code -s} of every later compilation of the module, and kept between them as
 * the generated service sources are), and no packaging step copies it: it is a source root, and a
 * {@code .tsv} file there is no source of anything.
 */
public final class IndexFiles {

  private final Filer filer;

  public IndexFiles(Filer filer) {
    this.filer = filer;
  }

  /**
   * The index that the last compilation left: in the generated-source output (Maven, IDEs), else on
   * the source path (a build whose earlier generated sources are an input); empty when there is
   * none.
   */
  public AppIndex previous() {
    for (StandardLocation location :
        new StandardLocation[] {StandardLocation.SOURCE_OUTPUT, StandardLocation.SOURCE_PATH}) {
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
            StandardLocation.SOURCE_OUTPUT, "", AppIndex.RESOURCE, originatingElements);
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(index.encode());
    }
  }
}
