package io.dyninka.processor.checking;

import io.dyninka.processor.reading.SourceSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The diagnostics one validation found, each standing on the most specific place it can. */
public final class ValidationReport {

  /** One diagnostic: an error or a warning, its text, and where it stands. */
  public record Item(Diagnostic.Kind kind, String message, SourceSite site) {}

  private static final ValidationReport EMPTY = new ValidationReport(List.of());

  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  public static ValidationReport empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All the items of {@code reports}, in order. */
  public static ValidationReport merge(Collection<ValidationReport> reports) {
    Builder builder = builder();
    reports.forEach(builder::addAll);
    return builder.build();
  }

  /**
   * Runs one step for one element; an unexpected exception becomes an error on that element, so the
   * other elements go on.
   */
  public static ValidationReport guarded(Element element, Supplier<ValidationReport> step) {
    try {
      return step.get();
    } catch (RuntimeException | LinkageError e) {
      return builder()
          .error(
              ErrorMessages.unexpectedFailure(element.getKind() + " " + element, stackTrace(e)),
              SourceSite.OnElement.of(element))
          .build();
    }
  }

  /** The stack trace of {@code e}, for a message about an unexpected failure. */
  public static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  public List<Item> items() {
    return items;
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  /** Collects items in the order the checks find them. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    public Builder error(String message, SourceSite site) {
      items.add(new Item(Diagnostic.Kind.ERROR, message, site));
      return this;
    }

    public Builder warning(String message, SourceSite site) {
      items.add(new Item(Diagnostic.Kind.WARNING, message, site));
      return this;
    }

    public Builder addAll(ValidationReport report) {
      items.addAll(report.items());
      return this;
    }

    public ValidationReport build() {
      return items.isEmpty() ? EMPTY : new ValidationReport(items);
    }
  }
}
