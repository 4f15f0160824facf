package io.dyninka.maven.run;

/** A {@code dyninka.run.*} setting whose value cannot be used. */
public final class InvalidSettingException extends RuntimeException {

  private final String property;

  InvalidSettingException(String property, String problem) {
    super(property + " " + problem);
    this.property = property;
  }

  /** The property to fix. */
  public String property() {
    return property;
  }
}
