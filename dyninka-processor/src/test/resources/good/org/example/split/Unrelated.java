package org.example.split;

/** A class with no Dyninka annotation, recompiled alone in the incremental test. */
public class Unrelated {
  static String version() {
    return "1";
  }
}
