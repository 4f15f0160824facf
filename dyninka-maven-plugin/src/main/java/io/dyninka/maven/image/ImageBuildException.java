package io.dyninka.maven.image;

/** An image could not be built or stored; the message says what to fix. */
public class ImageBuildException extends Exception {
  public ImageBuildException(String message, Throwable cause) {
    super(message, cause);
  }

  public ImageBuildException(String message) {
    super(message);
  }
}
