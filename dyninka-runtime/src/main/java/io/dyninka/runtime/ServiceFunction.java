package io.dyninka.runtime;

/**
 * The direct call of a user's {@code @Service} method, as a generated service class writes it.
 *
 * <p>It returns what the method returns: the output itself, a {@code Future} of it, or an {@code
 * Optional} of it, as the service's {@link io.dyninka.manifest.ServiceManifest.Kind} says.
 */
@FunctionalInterface
public interface ServiceFunction {

  Object apply(Arguments arguments) throws Exception;
}
