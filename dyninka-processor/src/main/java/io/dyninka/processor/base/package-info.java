/**
 * Small facts that every phase needs: how names become Kubernetes and Java names, what a
 * {@code @Service} annotation says, and how a service answers (plain, {@code Future}, {@code
 * Optional}).
 */
package io.dyninka.processor.base;
