package org.example.forms.lib;

import io.dyninka.Service;

/** Public services of another package. */
public final class Library {
  private Library() {}

  @Service
  public static String shout(String s) {
    return s + "!";
  }

  @Service
  public static String whisper(String s) {
    return s.toLowerCase();
  }
}
