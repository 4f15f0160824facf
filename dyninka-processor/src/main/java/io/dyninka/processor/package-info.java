/**
 * The Dyninka annotation processor. It runs four phases, one package each: {@code reading} (the
 * chain, from the method body with the Compiler Tree API), {@code checking} (validators that return
 * reports), {@code model} (the immutable app model and its manifest) and {@code writing} (one
 * service class per service, and the manifest). {@code index} keeps what earlier compilations
 * wrote, for IDE builds that recompile a service's file alone.
 */
package io.dyninka.processor;
