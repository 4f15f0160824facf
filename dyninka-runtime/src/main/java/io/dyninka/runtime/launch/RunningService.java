package io.dyninka.runtime.launch;

import java.net.URI;

/**
 * A service of a {@link RunningApp}.
 *
 * @param name the service name from the manifest
 * @param url its base URL, {@code http://127.0.0.1:<port>}, without a trailing slash: the form
 *     {@code DYNINKA_PEERS} uses
 * @param port its loopback port
 * @param pid the process id of its JVM
 */
public record RunningService(String name, URI url, int port, long pid) {}
