package org.example.forms;

import io.dyninka.Service;

/** Services of the package that live outside the @Dataflow class. */
class Helpers {
  @Service
  static String upper(String s) {
    return s.toUpperCase();
  }
}
