package io.dyninka.runtime.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed requests against a real service JVM: every answer must be a 4xx problem,
 * the service must stay up and answer good requests, and its heap must stay flat. Raw sockets send
 * what no well-behaved client would: garbage, heads far too large, smuggling attempts, and a
 * thousand slow clients.
 */
@DisplayName("A service JVM fed 10,000 malformed requests")
class HostileInputFuzzTest {

  private static final int REQUESTS = 10_000;
  private static final String GOOD =
      "{\"id\":\"o1\",\"lines\":[{\"sku\":\"a\",\"quantity\":2,\"price\":1.5}]}";

  private final List<ServiceJvm> jvms = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
  private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (ServiceJvm jvm : jvms) {
      jvm.close();
    }
  }

  @Test
  @DisplayName("answers every one with a 4xx problem, never a 5xx, and keeps its heap flat")
  void fuzz() throws Exception {
    ServiceJvm parse = new ServiceJvm("fuzz", "parse", ServiceJvm.freePort(), Map.of());
    jvms.add(parse.start());
    ServiceJvm total =
        new ServiceJvm(
            "fuzz",
            "total",
            ServiceJvm.freePort(),
            Map.of("DYNINKA_PEERS", "parse=" + parse.url()));
    jvms.add(total.start());

    send(total, 0, 1_000);
    long warmHeap = usedHeapAfterGc(total.pid());
    send(total, 1_000, REQUESTS);
    long endHeap = usedHeapAfterGc(total.pid());

    System.out.printf(
        "fuzz: %d requests by kind %s; heap after warm-up %d KiB, after all %d KiB%n",
        REQUESTS, kinds, warmHeap, endHeap);
    assertThat(violations).isEmpty();
    assertThat(total.alive()).isTrue();
    assertThat(parse.alive()).isTrue();
    HttpResponse<String> good = post(total, GOOD, "application/json", Map.of());
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo("3.0");
    assertThat(endHeap).as("used heap after a full GC, KiB").isLessThan(warmHeap + 16 * 1024);
  }

  private void send(ServiceJvm target, int from, int to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> parts = new ArrayList<>();
    int slice = (to - from) / 4;
    for (int t = 0; t < 4; t++) {
      int start = from + t * slice;
      int end = t == 3 ? to : start + slice;
      parts.add(
          pool.submit(
              () -> {
                for (int i = start; i < end; i++) {
                  one(target, new Random(i), i);
                }
                return null;
              }));
    }
    for (Future<?> part : parts) {
      part.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
  }

  private void one(ServiceJvm target, Random random, int n) throws Exception {
    int kind = n % 14;
    String name;
    HttpResponse<String> answer;
    switch (kind) {
      case 0 -> {
        name = "random-bytes";
        byte[] bytes = new byte[1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        answer = postBytes(target, bytes);
      }
      case 1 -> {
        name = "truncated";
        answer =
            post(
                target,
                GOOD.substring(0, random.nextInt(GOOD.length() - 1)),
                "application/json",
                Map.of());
      }
      case 2 -> {
        name = "deep";
        int depth = 65 + random.nextInt(5000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        answer = post(target, open.repeat(depth) + "1", "application/json", Map.of());
      }
      case 3 -> {
        name = "huge-number";
        String digits = "9".repeat(101 + random.nextInt(5000));
        answer =
            post(
                target,
                "{\"id\":\"x\",\"lines\":[{\"sku\":\"a\",\"quantity\":"
                    + digits
                    + ",\"price\":1}]}",
                "application/json",
                Map.of());
      }
      case 4 -> {
        name = "wrong-types";
        String[] bodies = {
          "{\"id\":5,\"lines\":\"x\"}",
          "[]",
          "\"order\"",
          "{\"lines\":[{\"quantity\":\"many\"}]}",
          "null",
          "{\"lines\":[null]}"
        };
        answer = post(target, bodies[random.nextInt(bodies.length)], "application/json", Map.of());
      }
      case 5 -> {
        name = "bad-route";
        String[] routes = {
          "parse,parse",
          "total",
          "evil.example.com",
          "parse,\u00e9",
          ",,,",
          "parse," + "x".repeat(5000),
          "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,a1,b1,c1,d1,e1,f1,g1,h1,i1,j1,k1,l1,m1,n1,o1,p1,q1,r1,s1,t1,u1,v1,w1,x1,y1,z1,a2,b2,c2,d2,e2,f2,g2,h2,i2,j2,k2,l2,m2"
        };
        answer =
            post(
                target,
                GOOD,
                "application/json",
                Map.of("Dyninka-Route", routes[random.nextInt(routes.length)]));
      }
      case 6 -> {
        name = "oversized-header";
        answer =
            post(
                target,
                GOOD,
                "application/json",
                Map.of("X-Filler", "y".repeat(9000 + random.nextInt(20000))));
      }
      case 7 -> {
        name = "content-type";
        String[] types = {
          "text/plain",
          "application/xml",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded"
        };
        answer = post(target, GOOD, types[random.nextInt(types.length)], Map.of());
      }
      case 8 -> {
        name = "too-large";
        answer =
            n % 120 == 8
                ? post(
                    target, "\"" + "z".repeat((1 << 20) + 10) + "\"", "application/json", Map.of())
                : post(target, "{", "application/json", Map.of());
      }
      case 9 -> {
        name = "method";
        String[] methods = {"PUT", "DELETE", "PATCH", "OPTIONS"};
        answer =
            http.send(
                HttpRequest.newBuilder(URI.create(target.url() + "/"))
                    .method(
                        methods[random.nextInt(methods.length)],
                        HttpRequest.BodyPublishers.ofString(GOOD))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      }
      case 10 -> {
        name = "raw-garbage";
        rawGarbage(target, random);
        count(name);
        return;
      }
      case 12 -> {
        name = "smuggling";
        String[] heads = {
          "Content-Length: 58\r\nTransfer-Encoding: chunked",
          "Transfer-Encoding: chunked\r\nContent-Length: 3",
          "Content-Length: 58\r\nContent-Length: 5",
          "Content-Length: 58, 7"
        };
        rawAnswer(name, target, request(heads[random.nextInt(heads.length)]), 400);
        count(name);
        return;
      }
      case 13 -> {
        name = "raw-huge-head";
        rawAnswer(name, target, hugeHead(64 * 1024 + random.nextInt(256 * 1024)), 431);
        count(name);
        return;
      }
      default -> {
        name = "deadline-and-trace";
        answer =
            post(
                target,
                "{\"id\":",
                "application/json",
                Map.of("Dyninka-Deadline-Ms", "-5", "traceparent", "00-zz-" + random.nextInt()));
      }
    }
    count(name);
    check(
        name,
        answer.statusCode(),
        answer.headers().firstValue("content-type").orElse(""),
        answer.body());
  }

  @Test
  @DisplayName("answers a 200 KB head with its 431 every time, not with a reset")
  void oversizedHeads() throws Exception {
    ServiceJvm parse = new ServiceJvm("fuzz", "parse", ServiceJvm.freePort(), Map.of());
    jvms.add(parse.start());
    for (int i = 0; i < 20; i++) {
      rawAnswer("200 KB head #" + i, parse, hugeHead(200 * 1024), 431);
    }
    assertThat(violations).isEmpty();
  }

  @Test
  @DisplayName("refuses a request framed two ways with a 400 and closes its connection")
  void smuggling() throws Exception {
    ServiceJvm parse = new ServiceJvm("fuzz", "parse", ServiceJvm.freePort(), Map.of());
    jvms.add(parse.start());
    for (String head :
        List.of(
            "Content-Length: 58\r\nTransfer-Encoding: chunked",
            "Transfer-Encoding: chunked\r\nContent-Length: 58",
            "Content-Length: 58\r\nContent-Length: 5",
            "Content-Length: 5, 58")) {
      String reply = rawAnswer(head, parse, request(head), 400);
      assertThat(reply).as(head).contains("bad-request").contains("not valid HTTP/1.1: ");
    }
    assertThat(violations).isEmpty();
    // The same request framed one way is answered, and the connection kept.
    assertThat(post(parse, GOOD, "application/json", Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("serves good requests while 1,000 slow clients hang on, then closes the slow ones")
  void slowClients() throws Exception {
    int slow = 1_000;
    long headTimeoutMs = 15_000;
    long files = openFileLimit();
    assertThat(files)
        .as("open files allowed (ulimit -n): this JVM and the service hold %d sockets each", slow)
        .isGreaterThan(slow + 1_000L);
    ServiceJvm parse =
        new ServiceJvm(
            "fuzz",
            "parse",
            ServiceJvm.freePort(),
            Map.of("DYNINKA_HEAD_TIMEOUT_MS", Long.toString(headTimeoutMs)));
    jvms.add(parse.start());
    for (int i = 0; i < 200; i++) {
      // warm both JVMs up, so that what is measured is the slow clients' effect
      post(parse, GOOD, "application/json", Map.of());
    }
    URI uri = URI.create(parse.url());
    List<Socket> sockets = new ArrayList<>();
    byte[] start = "POST / HTTP/1.1\r\nHost: fuzz\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
    long opened = System.nanoTime();
    for (int i = 0; i < slow; i++) {
      Socket socket = new Socket(uri.getHost(), uri.getPort());
      socket.getOutputStream().write(start, 0, 1);
      sockets.add(socket);
    }
    // One byte a second on each, the head never complete: a slowloris attack.
    Thread trickle =
        new Thread(
            () -> {
              for (int second = 1; !Thread.currentThread().isInterrupted(); second++) {
                for (Socket socket : sockets) {
                  try {
                    socket.getOutputStream().write(start[Math.min(second, start.length - 1)]);
                  } catch (java.io.IOException closed) {
                    // closed by the service: what the test waits for
                  }
                }
                try {
                  Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                  return;
                }
              }
            });
    trickle.setDaemon(true);
    trickle.start();
    long openMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
    try {
      List<Long> micros = new ArrayList<>();
      // Good requests for as long as the slow ones surely hang on: well within the head timeout.
      long goodUntil = opened + TimeUnit.MILLISECONDS.toNanos(headTimeoutMs * 2 / 3);
      while (micros.size() < 1_000 && System.nanoTime() < goodUntil) {
        long t0 = System.nanoTime();
        HttpResponse<String> good = post(parse, GOOD, "application/json", Map.of());
        micros.add((System.nanoTime() - t0) / 1_000);
        assertThat(good.statusCode()).isEqualTo(200);
      }
      java.util.Collections.sort(micros);
      long p50 = micros.get(micros.size() / 2);
      long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
      System.out.printf(
          "slowloris: %d good requests while %d slow connections (opened in %d ms) hung on: p50"
              + " %.1f ms, p99 %.1f ms, max %.1f ms%n",
          micros.size(), slow, openMs, p50 / 1e3, p99 / 1e3, micros.get(micros.size() - 1) / 1e3);
      assertThat(micros.size())
          .as("good requests answered while the slow ones hung on")
          .isGreaterThan(20);

      int closed = 0;
      for (Socket socket : sockets) {
        socket.setSoTimeout((int) headTimeoutMs + 20_000);
        try {
          while (socket.getInputStream().read() >= 0) {
            // an answer to a slow head would be a violation; nothing is expected
            violations.add("a slow connection got an answer");
          }
          closed++;
        } catch (java.net.SocketException reset) {
          closed++;
        }
      }
      long heldMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
      System.out.printf(
          "slowloris: %d of %d slow connections closed by the service, all within %d ms of"
              + " opening (head timeout %d ms)%n",
          closed, slow, heldMs, headTimeoutMs);
      assertThat(closed).isEqualTo(slow);
      assertThat(violations).isEmpty();
      assertThat(parse.alive()).isTrue();
      assertThat(post(parse, GOOD, "application/json", Map.of()).statusCode()).isEqualTo(200);
    } finally {
      trickle.interrupt();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** The soft limit of open files of this process (ulimit -n), which the service JVM shares. */
  private static long openFileLimit() throws Exception {
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }
    throw new IllegalStateException("no 'Max open files' in /proc/self/limits");
  }

  /**
   * A head of {@code bytes}, then two more pieces of it after a pause each: by then the server has
   * answered 431, and unless it keeps reading until the client has read that answer, the pieces
   * that arrive after it closed make the client's side see a reset instead.
   */
  private static byte[][] hugeHead(int bytes) {
    String more = "y".repeat(64 * 1024);
    return new byte[][] {
      ("POST / HTTP/1.1\r\nHost: fuzz\r\nX-Filler: " + "y".repeat(bytes))
          .getBytes(StandardCharsets.US_ASCII),
      more.getBytes(StandardCharsets.US_ASCII),
      more.getBytes(StandardCharsets.US_ASCII)
    };
  }

  /** A POST of the good order with {@code framing} as its framing headers. */
  private static byte[][] request(String framing) {
    String chunked = Integer.toHexString(GOOD.length()) + "\r\n" + GOOD + "\r\n0\r\n\r\n";
    return new byte[][] {
      ("POST / HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\n"
              + framing
              + "\r\n\r\n"
              + (framing.contains("chunked") ? chunked : GOOD))
          .getBytes(StandardCharsets.US_ASCII)
    };
  }

  /**
   * Sends the pieces of a request on a raw socket, 30 ms apart, and reads until the server closes:
   * the answer must be a {@code status} problem, and the connection must be closed after it. A
   * reset, no answer, or a connection left open is a violation.
   */
  private String rawAnswer(String name, ServiceJvm target, byte[][] pieces, int status)
      throws Exception {
    URI uri = URI.create(target.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        for (int i = 0; i < pieces.length; i++) {
          if (i > 0) {
            Thread.sleep(30);
          }
          out.write(pieces[i]);
          out.flush();
        }
      } catch (java.net.SocketException closedWhileWriting) {
        // The server may stop reading once it has answered; its answer must still arrive.
      }
      String reply =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      Matcher answered = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(reply);
      if (!answered.find() || Integer.parseInt(answered.group(1)) != status) {
        violations.add(name + ": expected " + status + ", got " + firstLine(reply));
      } else if (!reply.toLowerCase().contains("content-type: application/problem+json")) {
        violations.add(name + ": " + status + " without a problem body");
      }
      return reply;
    } catch (java.net.SocketTimeoutException open) {
      violations.add(name + ": connection left open after the answer");
    } catch (java.net.SocketException reset) {
      violations.add(name + ": " + reset.getMessage() + " instead of a " + status);
    }
    return "";
  }

  private static String firstLine(String reply) {
    return reply.isEmpty() ? "nothing" : reply.lines().findFirst().orElse("");
  }

  private void count(String name) {
    kinds.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
  }

  private void check(String name, int status, String contentType, String body) {
    if (status < 400 || status > 499 || !contentType.startsWith("application/problem+json")) {
      violations.add(
          name
              + ": "
              + status
              + " "
              + contentType
              + " "
              + body.substring(0, Math.min(200, body.length())));
    }
  }

  /** Bytes that are not HTTP at all: the answer, if any, must still be a 4xx problem. */
  private void rawGarbage(ServiceJvm target, Random random) throws Exception {
    URI uri = URI.create(target.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      byte[] junk = new byte[16 + random.nextInt(512)];
      random.nextBytes(junk);
      junk[junk.length - 1] = '\n';
      OutputStream out = socket.getOutputStream();
      out.write(junk);
      out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      if (reply.isEmpty()) {
        return;
      }
      Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(reply);
      String contentType =
          reply.toLowerCase().contains("content-type: application/problem+json")
              ? "application/problem+json"
              : "";
      check(
          "raw-garbage", status.find() ? Integer.parseInt(status.group(1)) : 0, contentType, reply);
    } catch (java.net.SocketException closed) {
      // The server may drop a connection that never spoke HTTP: no answer is no violation.
    }
  }

  private HttpResponse<String> post(
      ServiceJvm target, String body, String contentType, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.url() + "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postBytes(ServiceJvm target, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(target.url() + "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The service's used heap after a full GC, in KiB, read with jcmd. */
  private static long usedHeapAfterGc(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, Long.toString(pid), "GC.run");
    String info = run(jcmd, Long.toString(pid), "GC.heap_info");
    long used = 0;
    for (String line :
        info.lines()
            .filter(l -> l.contains("generation") || l.contains("garbage-first heap"))
            .toList()) {
      Matcher m = Pattern.compile("used (\\d+)K").matcher(line);
      if (m.find()) {
        used += Long.parseLong(m.group(1));
      }
    }
    assertThat(used).as(info).isPositive();
    return used;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
