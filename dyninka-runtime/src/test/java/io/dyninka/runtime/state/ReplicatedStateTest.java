package io.dyninka.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.runtime.state.Clients.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Placed state in Redis, across replicas in JVMs of their own")
class ReplicatedStateTest {

  private static RedisServer redis;
  private final List<Replica> replicas = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @AfterEach
  void stopReplicas() throws Exception {
    for (Replica replica : replicas) {
      replica.close();
    }
    assertThat(redis.answers("FLUSHALL")).isEqualTo("+OK");
  }

  private List<Replica> start(String service, int count) throws Exception {
    return start(service, count, Map.of("DYNINKA_STATE_STORE", redis.url()));
  }

  private List<Replica> start(String service, int count, Map<String, String> env) throws Exception {
    List<Replica> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Replica replica = new Replica(service, env);
      replicas.add(replica);
      started.add(replica.start());
    }
    return started;
  }

  private static List<Long> numbers(List<Answer> answers) {
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
    return answers.stream().map(a -> Long.parseLong(a.body())).sorted().toList();
  }

  @Test
  @DisplayName("two replicas under concurrent load hand out invoice numbers with no gap or repeat")
  void twoReplicas() throws Exception {
    List<Replica> invoice = start("invoice", 2);

    List<Answer> answers =
        Clients.concurrently(12, 300, i -> Clients.get(invoice.get(i % 2).uri()));

    assertThat(numbers(answers))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
    // Invocations that queued behind a commit were committed together: fewer commits than calls.
    long committed = 0;
    for (Replica replica : invoice) {
      committed += commits(Clients.get(replica.uri().resolve("/metrics")).body());
    }
    assertThat(committed).isPositive().isLessThan(300);
  }

  @Test
  @DisplayName(
      "under load, an invocation that throws inside a group commits nothing, and every other one"
          + " of its group commits")
  void throwingInsideGroups() throws Exception {
    List<Replica> tally = start("tally", 2);

    // Every third call adds -1 and throws after changing both fields; the others add 1.
    List<Answer> answers =
        Clients.concurrently(
            12, 300, i -> Clients.post(tally.get(i % 2).uri(), i % 3 == 2 ? "-1" : "1"));

    List<Long> totals = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer answer = answers.get(i);
      if (i % 3 == 2) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(500);
        assertThat(answer.body()).contains("negative amount -1");
      } else {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        totals.add(Long.parseLong(answer.body()));
      }
    }
    assertThat(totals.stream().sorted().toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    assertThat(Clients.post(tally.get(0).uri(), "0")).isEqualTo(new Answer(200, "200"));
    // The history holds the 200 ones and the zero, and none of the refused -1s.
    String count =
        "EVAL \"local _, n = string.gsub(redis.call('HGET', KEYS[1], '='), ARGV[1], '') return n\""
            + " 1 dyninka:{state}:"
            + StateServices.class.getName()
            + "#history ";
    assertThat(redis.answers(count + "-1")).isEqualTo(":0");
    assertThat(redis.answers(count + "[,%[]1")).as("ones in the history").isEqualTo(":200");
    long committed = 0;
    for (Replica replica : tally) {
      committed += commits(Clients.get(replica.uri().resolve("/metrics")).body());
    }
    assertThat(committed).as("commits of groups").isLessThan(201);
  }

  /** The count of committed writes in a service's Prometheus text. */
  private static long commits(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("dyninka_state_operation_duration_seconds_count{"))
        .filter(l -> l.contains("operation=\"commit\"") && l.contains("outcome=\"committed\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  @DisplayName(
      "three replicas under concurrent load hand out invoice numbers with no gap or repeat")
  void threeReplicas() throws Exception {
    List<Replica> invoice = start("invoice", 3);

    List<Answer> answers =
        Clients.concurrently(12, 300, i -> Clients.get(invoice.get(i % 3).uri()));

    assertThat(numbers(answers))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).boxed().toList());
  }

  @Test
  @DisplayName("keyed state keeps exact per-key counts under concurrent load across replicas")
  void keyedCounts() throws Exception {
    List<Replica> visits = start("visits", 2);
    int visitors = 6;
    int each = 30;

    List<Answer> answers =
        Clients.concurrently(
            12,
            visitors * each,
            i -> Clients.post(visits.get(i % 2).uri(), "\"visitor-" + (i / 2) % visitors + "\""));

    Map<String, List<Long>> seen = new HashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer answer = answers.get(i);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      seen.computeIfAbsent("visitor-" + (i / 2) % visitors, k -> new ArrayList<>())
          .add(Long.parseLong(answer.body()));
    }
    assertThat(seen).hasSize(visitors);
    seen.values()
        .forEach(
            counts ->
                assertThat(counts.stream().sorted().toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, each).boxed().toList()));
  }

  @Test
  @DisplayName(
      "keyed state on many keys not cached yet keeps exact counts when groups stop to load them")
  void keyedColdEntries() throws Exception {
    List<Replica> visits = start("visits", 2);
    int visitors = 150;

    // Each visitor twice, once on each replica; almost every call reads an entry its replica has
    // not cached, in the middle of a group.
    List<Answer> answers =
        Clients.concurrently(
            12,
            visitors * 2,
            i -> Clients.post(visits.get(i % 2).uri(), "\"visitor-" + i / 2 + "\""));

    Map<String, List<Long>> seen = new HashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer answer = answers.get(i);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      seen.computeIfAbsent("visitor-" + i / 2, k -> new ArrayList<>())
          .add(Long.parseLong(answer.body()));
    }
    assertThat(seen).hasSize(visitors);
    seen.forEach(
        (visitor, counts) ->
            assertThat(counts.stream().sorted().toList()).as(visitor).containsExactly(1L, 2L));
  }

  @Test
  @DisplayName("an asynchronous stateful function runs one at a time: no update lost")
  void asyncSerial() throws Exception {
    Replica later = start("later", 1).get(0);

    List<Answer> answers = Clients.concurrently(8, 40, i -> Clients.get(later.uri()));

    assertThat(numbers(answers))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
  }

  @Test
  @DisplayName(
      "a function that throws commits nothing, and the next invocation runs on the committed state")
  void throwingCommitsNothing() throws Exception {
    Replica tally = start("tally", 1).get(0);

    assertThat(Clients.post(tally.uri(), "5")).isEqualTo(new Answer(200, "5"));
    Answer failed = Clients.post(tally.uri(), "-1");
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body()).contains("function-failed", "negative amount -1");
    assertThat(Clients.post(tally.uri(), "2")).isEqualTo(new Answer(200, "7"));

    tally.kill();
    Replica restarted = start("tally", 1).get(0);
    assertThat(Clients.post(restarted.uri(), "0")).isEqualTo(new Answer(200, "7"));
    assertThat(
            redis.answers("HGET dyninka:{state}:" + StateServices.class.getName() + "#history ="))
        .startsWith("$");
  }

  @Test
  @DisplayName(
      "kill -9 of a replica under load loses no answered update, and a restarted one goes on")
  void killUnderLoad() throws Exception {
    List<Replica> invoice = start("invoice", 2);
    Replica victim = invoice.get(0);
    Replica survivor = invoice.get(1);

    Thread killer =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                victim.kill();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    killer.start();
    List<Answer> during = Clients.concurrently(8, 400, i -> Clients.get(invoice.get(i % 2).uri()));
    killer.join();
    Replica restarted = start("invoice", 1).get(0);
    List<Answer> after =
        Clients.concurrently(4, 40, i -> Clients.get((i % 2 == 0 ? restarted : survivor).uri()));

    List<Long> answered = new ArrayList<>();
    int unanswered = 0;
    for (Answer answer : during) {
      if (answer.status() == 200) {
        answered.add(Long.parseLong(answer.body()));
      } else {
        unanswered++;
      }
    }
    assertThat(unanswered).as("requests the killed replica never answered").isPositive();
    List<Long> later = numbers(after);
    assertThat(answered).doesNotHaveDuplicates();
    long highest = answered.stream().mapToLong(Long::longValue).max().orElseThrow();
    // Numbers not answered are those the killed replica committed but could not send: at most one
    // per request it lost.
    assertThat(highest - answered.size()).isLessThanOrEqualTo(unanswered);
    assertThat(later).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isGreaterThan(highest));
    assertThat(later.get(later.size() - 1) - later.get(0)).isEqualTo(later.size() - 1);
  }

  @Test
  @DisplayName("a stopped store is a 503 naming it, and the service answers again once it is back")
  void storeDownAndBack() throws Exception {
    Replica invoice = start("invoice", 1).get(0);
    assertThat(Clients.get(invoice.uri())).isEqualTo(new Answer(200, "1"));

    redis.kill();
    Answer down = Clients.get(invoice.uri());
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.body())
        .contains("https://dyninka.io/problems/state-store-unavailable", redis.url());

    redis.startAgain();
    Answer back = Clients.get(invoice.uri());
    for (int i = 0; i < 50 && back.status() != 200; i++) {
      Thread.sleep(100);
      back = Clients.get(invoice.uri());
    }
    assertThat(back).isEqualTo(new Answer(200, "2"));
  }

  @Test
  @DisplayName("a store that stops answering is a 503 within the request's deadline, then recovers")
  void slowStore() throws Exception {
    Replica invoice =
        start(
                "invoice",
                1,
                Map.of("DYNINKA_STATE_STORE", redis.url(), "DYNINKA_TIMEOUT_MS", "1500"))
            .get(0);
    assertThat(Clients.get(invoice.uri())).isEqualTo(new Answer(200, "1"));

    redis.freeze();
    Answer slow;
    try {
      slow = Clients.get(invoice.uri());
    } finally {
      redis.thaw();
    }
    assertThat(slow.status()).isEqualTo(503);
    assertThat(slow.body()).contains("state-store-unavailable", "did not answer within");

    // The frozen commit was already on its way and ran once the store woke: the 503 said the
    // outcome is unknown, and the replica loaded the state again rather than guess it.
    long back = Long.parseLong(Clients.get(invoice.uri()).body());
    assertThat(back).isIn(2L, 3L);
    assertThat(Clients.get(invoice.uri())).isEqualTo(new Answer(200, Long.toString(back + 1)));
  }

  @Test
  @DisplayName("a store with a password is reached with DYNINKA_STATE_STORE_PASSWORD, never shown")
  void password() throws Exception {
    try (RedisServer locked = RedisServer.start("--requirepass", "s3cret-pw")) {
      Replica withPassword =
          start(
                  "invoice",
                  1,
                  Map.of(
                      "DYNINKA_STATE_STORE",
                      locked.url(),
                      "DYNINKA_STATE_STORE_PASSWORD",
                      "s3cret-pw"))
              .get(0);
      Replica without =
          start(
                  "invoice",
                  1,
                  Map.of("DYNINKA_STATE_STORE", "redis://:wrong-pw@127.0.0.1:" + locked.port()))
              .get(0);

      assertThat(Clients.get(withPassword.uri())).isEqualTo(new Answer(200, "1"));
      Answer refused = Clients.get(without.uri());
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body())
          .contains("state-store-unavailable", locked.url())
          .doesNotContain("wrong-pw");
    }
  }
}
