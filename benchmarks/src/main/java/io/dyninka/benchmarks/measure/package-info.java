/**
 * How each figure is taken: hey and its summary, CPU time, RSS and the load average from /proc, the
 * Server-Timing probe, and the machine's description. Nothing here knows the systems.
 */
package io.dyninka.benchmarks.measure;
