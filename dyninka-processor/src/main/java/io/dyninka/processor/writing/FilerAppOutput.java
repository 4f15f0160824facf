package io.dyninka.processor.writing;

import io.dyninka.manifest.AppManifest;
import io.dyninka.processor.model.AppModel;
import io.dyninka.processor.model.ServiceModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes an app through the {@link Filer}: one source per service, then {@code
 * META-INF/dyninka/<app>.json} in the class output. The manifest comes last, so a manifest on the
 * class path always has all its classes.
 */
public final class FilerAppOutput implements AppOutput {

  private final Filer filer;
  private final ServiceClassWriter classes;

  public FilerAppOutput(Filer filer, ServiceClassWriter classes) {
    this.filer = filer;
    this.classes = classes;
  }

  @Override
  public void write(AppModel app) throws IOException {
    for (ServiceModel service : app.services()) {
      classes.write(app, service).writeTo(filer);
    }
    FileObject manifest =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT,
            "",
            AppManifest.resourcePath(app.name()),
            originatingElements(app));
    try (Writer out = new OutputStreamWriter(manifest.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(ManifestText.of(app.toManifest()));
    }
  }

  /** The {@code @Dataflow} class and every class that declares one of its services. */
  private static Element[] originatingElements(AppModel app) {
    Set<Element> elements = new LinkedHashSet<>();
    elements.add(app.source());
    app.services().forEach(service -> elements.add(service.method().getEnclosingElement()));
    return elements.toArray(new Element[0]);
  }
}
