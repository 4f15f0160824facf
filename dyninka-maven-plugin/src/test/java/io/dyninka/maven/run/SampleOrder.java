package io.dyninka.maven.run;

import java.util.List;

/** A head's input type, for the skeleton of a first request. */
public record SampleOrder(
    String item, int quantity, boolean express, Size size, List<String> tags) {

  public enum Size {
    SMALL,
    LARGE
  }
}
