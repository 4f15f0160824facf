/**
 * The hand-written baseline: four bare Vert.x services that pull their upstream as Dyninka's do,
 * without router, codec or validation.
 */
package io.dyninka.benchmarks.handwritten;
