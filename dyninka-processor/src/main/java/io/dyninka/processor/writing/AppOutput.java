package io.dyninka.processor.writing;

import io.dyninka.processor.model.AppModel;
import java.io.IOException;

/** Where the outputs of an app go: the Filer in a build, something else in a test. */
public interface AppOutput {

  /** Writes the service classes of {@code app}, then its manifest. */
  void write(AppModel app) throws IOException;
}
