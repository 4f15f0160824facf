/** The JMH benchmark of one hop over loopback HTTP, with its fixture and upstream stub. */
package io.dyninka.benchmarks.jmh;
