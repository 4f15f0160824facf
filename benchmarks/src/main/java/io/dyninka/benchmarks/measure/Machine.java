package io.dyninka.benchmarks.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the numbers were measured on, for the report. */
public record Machine(String cpu, int cores, long memoryMib, String os, String jvm, String hey) {

  public static Machine describe(Map<String, String> env) {
    return new Machine(
        field("/proc/cpuinfo", "model name").orElse("unknown CPU"),
        Runtime.getRuntime().availableProcessors(),
        field("/proc/meminfo", "MemTotal")
            .map(v -> Long.parseLong(v.replace("kB", "").trim()) / 1024)
            .orElse(-1L),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        env.getOrDefault("HEY_VERSION", "hey"));
  }

  private static Optional<String> field(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(l -> l.startsWith(name))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
