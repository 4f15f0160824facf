package io.dyninka.maven.run;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;

/**
 * Puts the lines of the service JVMs at their Maven log level. The launcher gives each JVM a
 * one-line {@code java.util.logging} format ({@link #JUL_FORMAT}: level, logger, message), so a
 * SEVERE record is an error, a WARNING a warning, INFO and plain output info, finer levels debug;
 * the stack trace of a record follows it and shows only at debug ({@code mvn -X}).
 *
 * <p>Lines arrive prefixed with {@code [service] }, interleaved between services: each service's
 * stack trace is followed on its own.
 */
public final class ServiceLogLines implements Consumer<String> {

  /** The JUL format of the service JVMs: {@code WARNING logger: message}, then any stack trace. */
  public static final String JUL_FORMAT = "%4$s %3$s: %5$s%6$s%n";

  /** The JVM flag that sets it. */
  public static final String JUL_FORMAT_FLAG =
      "-Djava.util.logging.SimpleFormatter.format=" + JUL_FORMAT;

  private static final Pattern PREFIXED = Pattern.compile("(\\[[^\\]]+\\] )(.*)", Pattern.DOTALL);
  private static final Pattern RECORD =
      Pattern.compile("(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) \\S+: .*", Pattern.DOTALL);
  // The first line of a trace: an exception's class name, maybe its message.
  private static final Pattern THROWABLE =
      Pattern.compile("[\\w$]+(\\.[\\w$]+)+(Exception|Error|Throwable|Failure)\\b.*");
  private static final Pattern TRACE =
      Pattern.compile("(\\s+at .*|\\s+\\.\\.\\. \\d+ more|\\s*Caused by: .*|\\s*Suppressed: .*)");

  private final Log log;

  /** Per service: whether its last record was followed by a stack trace still being printed. */
  private final Map<String, Boolean> inTrace = new HashMap<>();

  private final Map<String, Boolean> afterRecord = new HashMap<>();

  public ServiceLogLines(Log log) {
    this.log = log;
  }

  @Override
  public synchronized void accept(String line) {
    Matcher prefixed = PREFIXED.matcher(line);
    String service = prefixed.matches() ? prefixed.group(1) : "";
    String text = prefixed.matches() ? prefixed.group(2) : line;
    boolean justAfterRecord = afterRecord.getOrDefault(service, false);
    afterRecord.put(service, false);
    if (RECORD.matcher(text).matches()) {
      inTrace.put(service, false);
      afterRecord.put(service, true);
      emit(text.substring(0, text.indexOf(' ')), line);
      return;
    }
    boolean trace =
        (justAfterRecord && THROWABLE.matcher(text).matches())
            || (inTrace.getOrDefault(service, false) && TRACE.matcher(text).matches());
    // JUL ends a record's trace with the format's own line break: an empty line, the trace's too.
    boolean traceEnd = inTrace.getOrDefault(service, false) && text.isBlank();
    inTrace.put(service, trace);
    if (trace || traceEnd) {
      log.debug(line);
    } else {
      log.info(line);
    }
  }

  private void emit(String level, String line) {
    switch (level) {
      case "SEVERE" -> log.error(line);
      case "WARNING" -> log.warn(line);
      case "INFO" -> log.info(line);
      default -> log.debug(line);
    }
  }
}
