package io.dyninka.runtime;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a pull into the region of a shared step: the outputs of the shared steps pulled so
 * far, by service, and the client's body, {@code {"shared":{"validate":…},"body":…}} ({@code
 * "body":null} when the client sent none). Written by concatenation, so that the shared outputs
 * travel as their producers wrote them.
 *
 * @param shared each shared step's output as JSON, by service name
 * @param body the client's body, or null for none
 */
record SharedEnvelope(Map<String, Buffer> shared, Buffer body) {

  private static final Buffer NULL = Buffer.buffer("null");

  Buffer encode() {
    Buffer out = Buffer.buffer(256).appendString("{\"shared\":{");
    boolean first = true;
    for (Map.Entry<String, Buffer> entry : shared.entrySet()) {
      if (!first) {
        out.appendByte((byte) ',');
      }
      first = false;
      // Service names are Java identifiers: nothing in them needs escaping.
      out.appendString("\"" + entry.getKey() + "\":").appendBuffer(entry.getValue());
    }
    return out.appendString("},\"body\":")
        .appendBuffer(body == null ? NULL : body)
        .appendByte((byte) '}');
  }

  /**
   * Reads an envelope.
   *
   * @throws IllegalArgumentException naming what is wrong, when {@code json} is not one
   */
  static SharedEnvelope decode(Buffer json) {
    JsonObject envelope;
    try {
      envelope = new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    if (!(envelope.getValue("shared") instanceof JsonObject shared)
        || !envelope.containsKey("body")) {
      throw new IllegalArgumentException("it has no \"shared\" object and \"body\"");
    }
    Map<String, Buffer> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : shared) {
      values.put(entry.getKey(), Json.encodeToBuffer(entry.getValue()));
    }
    Object body = envelope.getValue("body");
    return new SharedEnvelope(values, body == null ? null : Json.encodeToBuffer(body));
  }

  @Override
  public String toString() {
    return encode().toString(StandardCharsets.UTF_8);
  }
}
