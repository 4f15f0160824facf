package io.dyninka.runtime.launch;

import java.util.stream.Collectors;

/**
 * A JVM that launches an app and then only waits, as {@code mvn dyninka:run} does, so that a test
 * can stop it the way Ctrl-C would and check that its shutdown hook stops the services.
 */
public class LauncherHost {

  public static void main(String[] args) throws InterruptedException {
    RunningApp app =
        LocalLauncher.builder()
            .logSink(System.out::println)
            .build()
            .start(TestApps.fakes("host", "a", "b"));
    String pids =
        app.services().stream().map(s -> Long.toString(s.pid())).collect(Collectors.joining(" "));
    System.out.println("host ready " + pids);
    Thread.sleep(Long.MAX_VALUE);
  }
}
