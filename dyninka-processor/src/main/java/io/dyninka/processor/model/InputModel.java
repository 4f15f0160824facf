package io.dyninka.processor.model;

import io.dyninka.manifest.InputManifest;

/**
 * One input of a service.
 *
 * @param from the upstream service, or {@code null} for the client's request body
 * @param type the manifest type name (see {@link TypeStrings})
 */
public record InputModel(String from, String type) {

  InputManifest toManifest() {
    return new InputManifest(from, type);
  }
}
