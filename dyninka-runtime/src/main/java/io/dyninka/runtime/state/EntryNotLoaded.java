package io.dyninka.runtime.state;

/**
 * Thrown into a stateful function that touched an entry of a keyed field the replica has not loaded
 * yet: the runtime loads it and runs the function again (speculative execution). An {@link Error},
 * so that a function's own {@code catch (Exception e)} does not swallow it; the runtime notices a
 * missed entry even if it is swallowed.
 */
final class EntryNotLoaded extends Error {

  private static final long serialVersionUID = 1L;

  EntryNotLoaded(String field, String entry) {
    super(
        "entry "
            + entry
            + " of placed field "
            + field
            + " is not loaded yet; the runtime loads it and runs the function again",
        null,
        false,
        false);
  }
}
