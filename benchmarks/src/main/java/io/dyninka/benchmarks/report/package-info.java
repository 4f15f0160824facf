/**
 * What a run writes: the {@link io.dyninka.benchmarks.report.Results} it measured, the targets'
 * verdicts, {@code results.md} and its CSVs, the SVG plot, and the JMH report.
 */
package io.dyninka.benchmarks.report;
