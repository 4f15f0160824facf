/**
 * The gateway baseline, the paper's Listing 4: an orchestrator that calls each function through one
 * central gateway.
 */
package io.dyninka.benchmarks.gateway;
