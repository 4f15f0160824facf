package io.dyninka.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.runtime.state.StateStore.Change;
import io.dyninka.runtime.state.StateStore.Commit;
import io.dyninka.runtime.state.StateStore.Outcome;
import io.dyninka.runtime.state.StateStore.Slot;
import io.dyninka.runtime.state.StateStore.Versioned;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Redis state store, on a real Redis")
class RedisStateStoreTest {

  private static final Slot A = new Slot("dyninka:{t}:x.A#a", "=");
  private static final Slot B = new Slot("dyninka:{t}:x.A#b", "\"k\"");
  private static final String TURN = "dyninka:{t}:turn:s";

  private RedisServer redis;
  private Vertx vertx;
  private RedisStateStore one;
  private RedisStateStore other;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start();
    vertx = Vertx.vertx();
    one = new RedisStateStore(vertx, StoreAddress.parse(redis.url(), null), TURN);
    other = new RedisStateStore(vertx, StoreAddress.parse(redis.url(), null), TURN);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await();
    redis.close();
  }

  private static Commit commit(RedisStateStore store, boolean claim, Change... changes) {
    return store.commit(List.of(changes), claim, 5_000).await();
  }

  @Test
  @DisplayName("commits every write at its version + 1, and loads it back")
  void commitAndLoad() {
    assertThat(one.load(List.of(A, B), 5_000).await())
        .containsExactly(Versioned.ABSENT, Versioned.ABSENT);

    Commit done = commit(one, false, new Change(A, 0, true, "1"), new Change(B, 0, true, "[2]"));

    assertThat(done.outcome()).isEqualTo(Outcome.COMMITTED);
    assertThat(one.load(List.of(A, B), 5_000).await())
        .containsExactly(new Versioned(1, "1"), new Versioned(1, "[2]"));
  }

  @Test
  @DisplayName("writes nothing on a conflict, and answers the current value of what moved")
  void conflict() {
    commit(one, false, new Change(A, 0, true, "1"));

    Commit lost = commit(other, false, new Change(B, 0, true, "7"), new Change(A, 0, true, "9"));

    assertThat(lost.outcome()).isEqualTo(Outcome.CONFLICT);
    assertThat(lost.moved()).isEqualTo(Map.of(A, new Versioned(1, "1")));
    assertThat(one.load(List.of(A, B), 5_000).await())
        .containsExactly(new Versioned(1, "1"), Versioned.ABSENT);
  }

  @Test
  @DisplayName("a removed entry keeps its version, so an old read of it cannot pass")
  void removal() {
    commit(one, false, new Change(B, 0, true, "1"));
    commit(one, false, new Change(B, 1, true, null));

    assertThat(one.load(List.of(B), 5_000).await()).containsExactly(new Versioned(2, null));
    assertThat(commit(other, false, new Change(B, 0, true, "5")).outcome())
        .isEqualTo(Outcome.CONFLICT);
  }

  @Test
  @DisplayName("a replica that lost twice holds the next turn: the others wait until it committed")
  void turn() {
    commit(one, false, new Change(A, 0, true, "1"));

    assertThat(commit(other, true, new Change(A, 0, true, "2")).outcome())
        .isEqualTo(Outcome.CONFLICT);
    assertThat(commit(one, false, new Change(A, 1, true, "3")).outcome()).isEqualTo(Outcome.WAIT);
    assertThat(commit(other, true, new Change(A, 1, true, "2")).outcome())
        .isEqualTo(Outcome.COMMITTED);
    assertThat(commit(one, false, new Change(A, 2, true, "3")).outcome())
        .isEqualTo(Outcome.COMMITTED);
  }

  @Test
  @DisplayName("loads its scripts again after the server lost them")
  void scriptsLost() {
    commit(one, false, new Change(A, 0, true, "1"));
    assertThat(redis.answers("SCRIPT FLUSH")).isEqualTo("+OK");

    assertThat(commit(one, false, new Change(A, 1, true, "2")).outcome())
        .isEqualTo(Outcome.COMMITTED);
  }
}
