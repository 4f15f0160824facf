package io.dyninka.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Mojo log that keeps what it is told, and still prints it for the test report. */
final class CapturingLog extends SystemStreamLog {

  final List<String> infos = new CopyOnWriteArrayList<>();

  @Override
  public void info(CharSequence content) {
    infos.add(content.toString());
    super.info(content);
  }
}
