package io.dyninka.runtime;

import java.util.List;

/**
 * Every kind of problem a Dyninka service answers: its {@code type} URI, title and status, defined
 * once. The {@code type} URIs are wire contract (clients and tests match them), so a slug never
 * changes; dyninka-runtime/README.md lists them all, with when each is answered.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", "Bad request", 400),
  BAD_ROUTE("bad-route", "Bad Dyninka-Route", 400),
  UNAUTHORIZED("unauthorized", "Unauthorized", 401),
  FORBIDDEN("forbidden", "Forbidden", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  TLS_REQUIRED("tls-required", "TLS required", 426),
  HEADER_TOO_LARGE("header-too-large", "Request header fields too large", 431),
  FUNCTION_FAILED("function-failed", "Service function failed", 500),
  OUTPUT_NOT_JSON("output-not-json", "Output is not JSON", 500),
  OUTPUT_INVALID("output-invalid", "Output is not a valid value of its type", 500),
  INTERNAL_ERROR("internal-error", "Internal error", 500),
  UPSTREAM_INVALID("upstream-invalid", "Upstream answered invalidly", 502),
  UPSTREAM_UNREACHABLE("upstream-unreachable", "Upstream unreachable", 502),
  UPSTREAM_TLS("upstream-tls", "Upstream TLS failed", 502),
  OVERLOADED("overloaded", "Service overloaded", 503),
  UPSTREAM_FAILING("upstream-failing", "Upstream failing", 503),
  STATE_STORE_UNAVAILABLE("state-store-unavailable", "State store unavailable", 503),
  STATE_CONTENDED("state-contended", "State contended", 503),
  UPSTREAM_TIMEOUT("upstream-timeout", "Upstream timed out", 504);

  /** The base of every {@code type} URI. */
  public static final String BASE = "https://dyninka.io/problems/";

  private final String slug;
  private final String title;
  private final int status;
  private final String uri;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
    this.uri = BASE + slug;
  }

  /** An occurrence of this problem that arose at {@code service}. */
  public Problem problem(String detail, String service) {
    return new Problem(uri, title, status, detail, service, List.of(service));
  }

  /**
   * The problem for an HTTP status the router failed a request with that has no type of its own:
   * {@code http-<status>}, answered with that status (500 for one below 400).
   */
  static Problem otherStatus(int status, String service) {
    return new Problem(
        BASE + "http-" + status,
        "HTTP " + status,
        status < 400 ? 500 : status,
        "request failed with HTTP " + status,
        service,
        List.of(service));
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The {@code type} member of this problem's answers. */
  public String uri() {
    return uri;
  }

  /** Whether {@code type}, the member of a problem answer, is this type. */
  public boolean matches(String type) {
    return uri.equals(type);
  }
}
