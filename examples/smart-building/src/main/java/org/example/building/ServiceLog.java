package org.example.building;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the services' output lines off the terminal, where they would break the progress line:
 * writes them to a file and keeps the last few to show if the demo fails.
 */
final class ServiceLog implements Consumer<String>, AutoCloseable {

  private static final int TAIL = 30;

  private final Path file;
  private final BufferedWriter writer;
  private final Deque<String> tail = new ArrayDeque<>();

  ServiceLog(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.file = file;
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void accept(String line) {
    tail.addLast(line);
    if (tail.size() > TAIL) {
      tail.removeFirst();
    }
    try {
      writer.write(line);
      writer.newLine();
    } catch (IOException e) {
      // The tail still has the line; a full disk must not stop the services.
    }
  }

  /** The last lines the services printed, oldest first. */
  synchronized List<String> tail() {
    return new ArrayList<>(tail);
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      // Nothing left to save.
    }
  }
}
