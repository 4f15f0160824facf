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
   * Checks every slot's version, then writes all or none. KEYS: hashes; ARGV, four per slot: field,
   * expected version, 'w' to write or 'c' to check only, new JSON ('' to remove). Returns {} when
   * committed, else {index, current value, …} of the slots that moved.
   */
  static final String COMMIT =
      """
      local moved = {}
      for i = 1, #KEYS do
        local b = (i - 1) * 4
        local cur = redis.call('HGET', KEYS[i], ARGV[b + 1])
        local v = 0
        if cur then v = tonumber(string.sub(cur, 1, string.find(cur, '\\n', 1, true) - 1)) end
        if v ~= tonumber(ARGV[b + 2]) then
          moved[#moved + 1] = i
          moved[#moved + 1] = cur or ''
        end
      end
      if #moved > 0 then return moved end
      for i = 1, #KEYS do
        local b = (i - 1) * 4
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

  public RedisStateStore(Vertx vertx, StoreAddress address) {
    RedisOptions options = address.options().setMaxPoolSize(8).setMaxPoolWaiting(1024);
    options.getNetClientOptions().setConnectTimeout(2_000).setTcpNoDelay(true);
    this.redis = Redis.createClient(vertx, options);
    this.address = address.display();
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
  public Future<Map<Slot, Versioned>> commit(List<Change> changes, long timeoutMillis) {
    List<String> args = new ArrayList<>(changes.size() * 5);
    changes.forEach(change -> args.add(change.slot().key()));
    for (Change change : changes) {
      args.add(change.slot().field());
      args.add(Long.toString(change.expected()));
      args.add(change.write() ? "w" : "c");
      args.add(change.json() == null ? "" : change.json());
    }
    return script(COMMIT_SHA, COMMIT, changes.size(), args, timeoutMillis)
        .map(
            response -> {
              Map<Slot, Versioned> moved = new LinkedHashMap<>();
              for (int i = 0; i + 1 < response.size(); i += 2) {
                Slot slot = changes.get(response.get(i).toInteger() - 1).slot();
                moved.put(slot, parse(response.get(i + 1)));
              }
              return moved;
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
