/**
 * Phase 2: validators that return a {@link io.dyninka.processor.checking.ValidationReport} and
 * never print. The processor prints the reports and writes nothing for an app whose report has an
 * error. Every message text lives in {@link io.dyninka.processor.checking.ErrorMessages}, where the
 * tests find it too.
 */
package io.dyninka.processor.checking;
