package io.dyninka.maven.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads one entry of a tar. */
final class TarFiles {
  private TarFiles() {}

  static byte[] read(Path tar, String name) throws IOException {
    try (var in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new IOException(name + " not in " + tar);
  }
}
