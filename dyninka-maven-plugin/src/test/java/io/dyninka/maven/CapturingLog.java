package io.dyninka.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Mojo log that keeps what it is told, and still prints it for the test report. */
final class CapturingLog extends SystemStreamLog {

  final List<String> infos = new CopyOnWriteArrayList<>();
  final List<String> warnings = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<String> debugs = new CopyOnWriteArrayList<>();

  @Override
  public void warn(CharSequence content) {
    warnings.add(content.toString());
    super.warn(content);
  }

  @Override
  public void error(CharSequence content) {
    errors.add(content.toString());
    super.error(content);
  }

  @Override
  public void debug(CharSequence content) {
    debugs.add(content.toString());
  }

  @Override
  public void info(CharSequence content) {
    infos.add(content.toString());
    super.info(content);
  }
}
