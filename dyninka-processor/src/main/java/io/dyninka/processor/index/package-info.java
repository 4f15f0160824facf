/**
 * The build index, {@code dyninka/apps.tsv} in the generated-source output: what earlier
 * compilations wrote, so that a compilation of a service's file alone (an IDE's incremental build)
 * finds the apps that use it and writes them again. Read before the reading phase, written after
 * the writing phase.
 */
package io.dyninka.processor.index;
