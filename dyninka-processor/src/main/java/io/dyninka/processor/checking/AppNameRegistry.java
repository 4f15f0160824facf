package io.dyninka.processor.checking;

import io.dyninka.processor.reading.RawApp;
import java.util.HashSet;
import java.util.Set;

/**
 * The app names of one compilation, across rounds: two apps with one name would write one manifest
 * over the other.
 */
public final class AppNameRegistry {

  private final Set<String> names = new HashSet<>();

  /** Claims the name of {@code app}; the report has an error when another app has it already. */
  public ValidationReport claim(RawApp app) {
    if (names.add(app.appName())) {
      return ValidationReport.empty();
    }
    return ValidationReport.builder()
        .error(ErrorMessages.duplicateAppName(app.appName()), DataflowValidator.nameSite(app))
        .build();
  }
}
