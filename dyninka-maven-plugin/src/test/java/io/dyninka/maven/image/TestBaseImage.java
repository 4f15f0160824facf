package io.dyninka.maven.image;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small JRE base image the image tests build on, made once per test run from this machine's
 * JDK: nothing here can pull {@code eclipse-temurin}.
 */
public final class TestBaseImage {

  private static final Path TAR = Path.of("target", "test-base-image", "jre.tar").toAbsolutePath();
  private static String digest;

  private TestBaseImage() {}

  public static synchronized Path tar() throws Exception {
    if (digest == null || !Files.exists(TAR)) {
      digest =
          new BaseImageMaker(BaseImageMaker.currentJdk(), BaseImageMaker.DEFAULT_MODULES, s -> {})
              .make(TAR, BaseImageMaker.DEFAULT_NAME, null, false, TAR.getParent().resolve("work"));
    }
    return TAR;
  }

  public static synchronized String digest() throws Exception {
    tar();
    return digest;
  }
}
