package io.dyninka.maven.run;

import io.dyninka.runtime.launch.LaunchException;
import io.dyninka.runtime.launch.ServiceExit;
import java.time.Duration;
import java.util.List;

/** Turns launcher failures into messages that say which setting to look at. */
public final class LaunchFailures {

  private LaunchFailures() {}

  public static String describe(LaunchException e, RunSettings settings) {
    String hint =
        switch (e.reason()) {
          case INVALID ->
              "Rebuild the project ('mvn package') so that the processor writes a complete"
                  + " manifest.";
          case NOT_STARTED -> "Check the JDK that runs Maven (JAVA_HOME).";
          case EXITED ->
              "See its output above. Its JVM options come from "
                  + RunSettings.JVM_FLAGS
                  + " ("
                  + settings.jvmFlags()
                  + "), its extra environment from "
                  + RunSettings.ENVIRONMENT
                  + ".";
          case NOT_READY ->
              "If it is only slow to start, raise "
                  + RunSettings.READINESS_TIMEOUT
                  + " (now "
                  + seconds(settings.readinessTimeout())
                  + ").";
        };
    return e.getMessage() + "\n" + hint;
  }

  /** A service that died while the app was running. */
  public static String describe(ServiceExit exit) {
    StringBuilder message =
        new StringBuilder("Service '")
            .append(exit.service())
            .append("' exited with code ")
            .append(exit.exitCode())
            .append(" while the app was running; the other services were stopped.");
    List<String> lines = exit.lastLines();
    if (!lines.isEmpty()) {
      message.append(" Its last output lines:\n  ").append(String.join("\n  ", lines));
    }
    return message.toString();
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
