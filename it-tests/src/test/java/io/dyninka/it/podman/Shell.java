package io.dyninka.it.podman;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands for the podman end-to-end test, echoing their output to the test log. */
final class Shell {

  record Result(int exitCode, String output) {
    Result orFail(List<String> command) {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed (" + exitCode + "):\n" + output);
      }
      return this;
    }
  }

  private Shell() {}

  static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command)
      throws IOException, InterruptedException {
    System.out.println("$ " + String.join(" ", command));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (var in = process.getInputStream()) {
                for (String line :
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                  output.append(line).append('\n');
                }
              } catch (IOException e) {
                output.append(e);
              }
            });
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      reader.join(5000);
      return new Result(124, output + "\n(timed out after " + timeout + ")");
    }
    reader.join(5000);
    System.out.print(output);
    return new Result(process.exitValue(), output.toString());
  }

  static Result run(Path dir, Duration timeout, String... command)
      throws IOException, InterruptedException {
    return run(dir, Map.of(), timeout, List.of(command));
  }

  /** The executable on the PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Maven as failsafe's Maven, so the same version builds the user project. */
  static List<String> mvn(String... args) {
    String home = System.getProperty("maven.home");
    List<String> command = new ArrayList<>();
    command.add(
        home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))
            ? Path.of(home, "bin", "mvn").toString()
            : "mvn");
    command.add("-B");
    // The user project resolves Dyninka from the repository the outer build used, offline if it
    // was told to be (-Ddyninka.it.offline=true), never from another one.
    String repository = System.getProperty("maven.repo.local");
    if (repository != null && !repository.isBlank()) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    if (Boolean.getBoolean("dyninka.it.offline")) {
      command.add("-o");
    }
    command.addAll(List.of(args));
    return command;
  }
}
