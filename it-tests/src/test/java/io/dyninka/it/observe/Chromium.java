package io.dyninka.it.observe;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, run once per page: the DOM after its scripts ran, or a picture. */
final class Chromium {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /** Fails, never skips, when Chromium is missing: the test would prove nothing without it. */
  static void requireInstalled() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new AssertionError(
          "Chromium is not installed at "
              + EXECUTABLE
              + ": install Debian's 'chromium' package (scripts/test-setup.sh does)");
    }
  }

  /** The page's DOM once its scripts have had {@code virtualMillis} of (virtual) time. */
  static String dumpDom(URI page, int virtualMillis) throws IOException, InterruptedException {
    return run(page, virtualMillis, "--dump-dom");
  }

  /** Writes a PNG of the page, {@code width × height}, to {@code png}. */
  static void screenshot(URI page, int virtualMillis, Path png, int width, int height)
      throws IOException, InterruptedException {
    run(page, virtualMillis, "--screenshot=" + png, "--window-size=" + width + "," + height);
  }

  private static String run(URI page, int virtualMillis, String... what)
      throws IOException, InterruptedException {
    requireInstalled();
    Path profile = Files.createTempDirectory("dyninka-chromium");
    Path out = Files.createTempFile("dyninka-chromium", ".out");
    List<String> command =
        new ArrayList<>(
            List.of(
                EXECUTABLE.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=" + virtualMillis));
    command.addAll(List.of(what));
    command.add(page.toString());
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("Chromium did not finish with " + page + " within 120 s");
      }
      if (chromium.exitValue() != 0) {
        throw new AssertionError("Chromium exited with " + chromium.exitValue() + " on " + page);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      chromium.destroyForcibly();
      Files.deleteIfExists(out);
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
