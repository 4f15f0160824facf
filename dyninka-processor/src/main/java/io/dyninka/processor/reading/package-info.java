/**
 * Phase 1: reads each {@code @Dataflow} method into a raw, unchecked {@link
 * io.dyninka.processor.reading.RawApp}.
 *
 * <p>Annotation processors run before javac attributes method bodies, so the chain is read
 * syntactically with the Compiler Tree API: {@code Flow} calls are recognised by name, and a step
 * {@code X::m} is resolved the way a reader of the source would (enclosing classes, imports, the
 * package, a qualified name). The reader decides nothing: a lambda step or an unknown type is a
 * fact for the checking phase to judge.
 */
package io.dyninka.processor.reading;
