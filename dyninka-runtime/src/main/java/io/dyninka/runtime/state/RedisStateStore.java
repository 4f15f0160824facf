package io.dyninka.runtime.state;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StateStore} in Redis. A slot is an entry of a hash, stored as {@code
 * "<version>\n<json>"} ({@code "<version>\n"} once removed, so that a version never goes back and a
 * removed-then-rewritten entry cannot pass for the one read). Load and commit are each one Lua
 * script run by EVALSHA (EVAL when the server lost its script cache, after a restart), so a commit
 * is atomic: Redis runs a script alone, and writes all of it or nothing.
 */
public final class RedisStateStore implements StateStore {

  /** Each slot's stored value, or '' for none. KEYS: hashes; ARGV: their fields. */
  static final String LOAD =
      """
      local out = {}
      for i = 1, #KEYS do
        out[i] = redis.call('HGET', KEYS[i], ARGV[i]) or ''
      end
      return out
      """;

  /**
   * Checks every slot's version, then writes all or none. KEYS: the service's turn key, then the
   * slots' hashes; ARGV: this replica's id, '1' to claim the turn on a conflict, then four per
   * slot: field, expected version, 'w' to write or 'c' to check only, new JSON ('' to remove).
   * Returns {} when committed, {-1} when another replica holds the turn, else {index, current
   * value, …} of the slots that moved (indexes from 2, as in KEYS).
   */
  static final String COMMIT =
      """
      local holder = redis.call('GET', KEYS[1])
      if holder and holder ~= ARGV[1] then return {-1} end
      local moved = {}
      for i = 2, #KEYS do
        local b = (i - 2) * 4 + 2
        local cur = redis.call('HGET', KEYS[i], ARGV[b + 1])
        local v = 0
        if cur then v = tonumber(string.sub(cur, 1, string.find(cur, '\\n', 1, true) - 1)) end
        if v ~= tonumber(ARGV[b + 2]) then
          moved[#moved + 1] = i
          moved[#moved + 1] = cur or ''
        end
      end
      if #moved > 0 then
        if ARGV[2] == '1' then redis.call('SET', KEYS[1], ARGV[1], 'PX', 50) end
        return moved
      end
      if holder then redis.call('DEL', KEYS[1]) end
      for i = 2, #KEYS do
        local b = (i - 2) * 4 + 2
        if ARGV[b + 3] == 'w' then
          redis.call('HSET', KEYS[i], ARGV[b + 1], (tonumber(ARGV[b + 2]) + 1) .. '\\n' .. ARGV[b + 4])
        end
      end
      return moved
      """;

  private static final String LOAD_SHA = sha1(LOAD);
  private static final String COMMIT_SHA = sha1(COMMIT);

  private final Redis redis;
  private final String address;
  private final String turnKey;
  private final String replica = UUID.randomUUID().toString();

  /**
   * @param turnKey the key that says which replica of the service holds the next turn, in the same
   *     Redis Cluster hash slot as its state
   */
  public RedisStateStore(Vertx vertx, StoreAddress address, String turnKey) {
    RedisOptions options = address.options().setMaxPoolSize(8).setMaxPoolWaiting(1024);
    options.getNetClientOptions().setConnectTimeout(2_000).setTcpNoDelay(true);
    this.redis = Redis.createClient(vertx, options);
    this.address = address.display();
    this.turnKey = turnKey;
  }

  @Override
  public Future<List<Versioned>> load(List<Slot> slots, long timeoutMillis) {
    List<String> args = new ArrayList<>(slots.size() * 2);
    slots.forEach(slot -> args.add(slot.key()));
    slots.forEach(slot -> args.add(slot.field()));
    return script(LOAD_SHA, LOAD, slots.size(), args, timeoutMillis)
        .map(
            response -> {
              List<Versioned> values = new ArrayList<>(slots.size());
              for (int i = 0; i < slots.size(); i++) {
                values.add(parse(response.get(i)));
              }
              return values;
            });
  }

  @Override
  public Future<Commit> commit(List<Change> changes, boolean claim, long timeoutMillis) {
    List<String> args = new ArrayList<>(changes.size() * 5 + 3);
    args.add(turnKey);
    changes.forEach(change -> args.add(change.slot().key()));
    args.add(replica);
    args.add(claim ? "1" : "0");
    for (Change change : changes) {
      args.add(change.slot().field());
      args.add(Long.toString(change.expected()));
      args.add(change.write() ? "w" : "c");
      args.add(change.json() == null ? "" : change.json());
    }
    return script(COMMIT_SHA, COMMIT, changes.size() + 1, args, timeoutMillis)
        .map(
            response -> {
              if (response.size() == 0) {
                return new Commit(Outcome.COMMITTED, Map.of());
              }
              if (response.size() == 1) {
                return new Commit(Outcome.WAIT, Map.of());
              }
              Map<Slot, Versioned> moved = new LinkedHashMap<>();
              for (int i = 0; i + 1 < response.size(); i += 2) {
                Slot slot = changes.get(response.get(i).toInteger() - 2).slot();
                moved.put(slot, parse(response.get(i + 1)));
              }
              return new Commit(Outcome.CONFLICT, moved);
            });
  }

  private Future<Response> script(
      String sha, String source, int keys, List<String> args, long timeoutMillis) {
    long timeout = Math.max(1, timeoutMillis);
    Request evalsha = Request.cmd(Command.EVALSHA).arg(sha).arg(keys);
    args.forEach(evalsha::arg);
    return redis
        .send(evalsha)
        .recover(
            failure -> {
              if (failure.getMessage() == null || !failure.getMessage().startsWith("NOSCRIPT")) {
                return Future.failedFuture(failure);
              }
              Request eval = Request.cmd(Command.EVAL).arg(source).arg(keys);
              args.forEach(eval::arg);
              return redis.send(eval);
            })
        .timeout(timeout, TimeUnit.MILLISECONDS)
        .recover(
            failure ->
                Future.failedFuture(
                    new StateStoreUnavailable(
                        "state store "
                            + address
                            + " did not answer within "
                            + timeout
                            + " ms: "
                            + failure.getMessage(),
                        failure)));
  }

  private static Versioned parse(Response value) {
    String raw = value == null ? "" : value.toString(StandardCharsets.UTF_8);
    if (raw.isEmpty()) {
      return Versioned.ABSENT;
    }
    int newline = raw.indexOf('\n');
    long version = Long.parseLong(raw.substring(0, newline));
    String json = raw.substring(newline + 1);
    return new Versioned(version, json.isEmpty() ? null : json);
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }
}
