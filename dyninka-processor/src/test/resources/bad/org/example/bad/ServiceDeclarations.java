package org.example.bad;

import io.dyninka.Service;

/** @Service methods that are wrong on their own. */
public class ServiceDeclarations {
  @Service
  int notStatic() {
    return 1;
  }

  @Service
  private static int hidden() {
    return 1;
  }

  @Service
  static <T> T generic(T value) {
    return value;
  }

  @Service
  static void nothing(int x) {}

  @Service(name = "get.reading")
  static int dotted() {
    return 1;
  }

  @Service
  static int get$reading() {
    return 1;
  }
}
