/** The HTTP client the runner and JMH call the systems with: sequential, one connection. */
package io.dyninka.benchmarks.client;
