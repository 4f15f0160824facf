/**
 * What the two baselines share: one function of the chain as a {@link
 * io.dyninka.benchmarks.chain.Stage}, the smart-building functions as stages, their JSON, and the
 * {@code main} every baseline JVM starts with.
 */
package io.dyninka.benchmarks.chain;
