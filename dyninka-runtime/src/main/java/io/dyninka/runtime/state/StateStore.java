package io.dyninka.runtime.state;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Where placed state lives between invocations and across replicas: versioned slots, read in one
 * round trip and committed in one atomic check-and-write.
 */
public interface StateStore {

  /** One stored value: an entry {@code field} of the hash {@code key}. */
  record Slot(String key, String field) {}

  /**
   * A slot's value as stored: {@code version} 0 for one never written, {@code json} null for one
   * absent (never written, or removed).
   */
  record Versioned(long version, String json) {

    static final Versioned ABSENT = new Versioned(0, null);
  }

  /**
   * What a commit checks and writes: the version it read the slot at, and, when {@code write}, its
   * new JSON (null removes it).
   */
  record Change(Slot slot, long expected, boolean write, String json) {}

  /**
   * The values of {@code slots}, in their order; fails with {@link StateStoreUnavailable} after
   * {@code timeoutMillis}.
   */
  Future<List<Versioned>> load(List<Slot> slots, long timeoutMillis);

  /** How a commit ended. */
  enum Outcome {
    COMMITTED,
    /** Another replica committed a slot first: {@link Commit#moved} holds their values now. */
    CONFLICT,
    /** Another replica that lost a conflict holds the next turn: wait a little and run again. */
    WAIT
  }

  /** A commit's outcome, with the current values of the slots that moved on a conflict. */
  record Commit(Outcome outcome, Map<Slot, Versioned> moved) {}

  /**
   * Writes every change that has {@code write} with version {@code expected + 1}, if and only if
   * every slot is still at its {@code expected} version; all or nothing. Fails with {@link
   * StateStoreUnavailable} after {@code timeoutMillis}, when whether it committed is unknown.
   *
   * @param claim whether this invocation already lost a conflict: if it loses again, it takes the
   *     service's next turn, and other replicas' commits wait until it committed (or a few
   *     milliseconds passed). Without it, a replica that just committed, and so holds the current
   *     state, would win every race on a hot slot and starve the others.
   */
  Future<Commit> commit(List<Change> changes, boolean claim, long timeoutMillis);

  /** The store's address for messages, without any password. */
  String address();

  Future<Void> close();
}
