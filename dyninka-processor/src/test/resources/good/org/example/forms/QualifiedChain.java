package org.example.forms;

import io.dyninka.Dataflow;
import io.dyninka.Service;
import org.example.forms.lib.Library;

/**
 * Fully qualified Flow, a step in a nested class, one in another class of the package, and one in
 * a public class of another package.
 */
public class QualifiedChain {
  static class Inner {
    @Service
    static String start() {
      return "a";
    }
  }

  @Dataflow
  static io.dyninka.Flow<String> app() {
    return io.dyninka.Flow.from(QualifiedChain.Inner::start)
        .then(Helpers::upper)
        .then(Library::shout)
        .then(org.example.forms.lib.Library::whisper);
  }
}
