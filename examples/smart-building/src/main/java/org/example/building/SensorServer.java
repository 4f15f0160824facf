package org.example.building;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The building's sensor endpoint: a plain Vert.x HTTP server, not a Dyninka service, that plays the
 * paper's hand-crafted sensor service. Each {@code GET /} answers the next row of the data set as
 * JSON, keyed by the CSV column names, and starts over after the last row.
 */
public final class SensorServer extends VerticleBase {

  public static final int DEFAULT_PORT = 8091;

  private final List<SensorRow> rows;
  private final String host;
  private final int requestedPort;
  private final AtomicLong served = new AtomicLong();
  private HttpServer server;

  private SensorServer(List<SensorRow> rows, String host, int port) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("the sensor server needs at least one row to serve");
    }
    this.rows = List.copyOf(rows);
    this.host = host;
    this.requestedPort = port;
  }

  /**
   * Starts a server on {@code host:port} ({@code 0}: a free port).
   *
   * @return the started server; fails when the port is taken
   */
  public static Future<SensorServer> start(
      Vertx vertx, List<SensorRow> rows, String host, int port) {
    SensorServer sensor = new SensorServer(rows, host, port);
    return vertx.deployVerticle(sensor).map(id -> sensor);
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer()
        .requestHandler(this::handle)
        .listen(requestedPort, host)
        .onSuccess(listening -> server = listening);
  }

  /** Stops listening; the rows already served stay counted. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentID());
  }

  public int port() {
    return server.actualPort();
  }

  /** The URL that {@code get} reads from: {@code SENSOR_URL}. */
  public String url() {
    return "http://" + host + ":" + port() + "/";
  }

  /** How many rows this server has answered so far. */
  public long served() {
    return served.get();
  }

  private void handle(HttpServerRequest request) {
    if (!"/".equals(request.path())) {
      request.response().setStatusCode(404).end();
    } else if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET").end();
    } else {
      long next = served.getAndIncrement();
      JsonObject row = rows.get((int) (next % rows.size())).toJson();
      request
          .response()
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(row.toBuffer());
    }
  }

  /**
   * Serves a data set until the process is stopped. Arguments: {@code [port] [csv]}; the port also
   * comes from {@code PORT} (default {@value #DEFAULT_PORT}); without a CSV file, the generated
   * month of {@link SensorDataset} with its default seed.
   */
  public static void main(String[] args) throws Exception {
    String env = System.getenv("PORT");
    int port =
        args.length > 0
            ? Integer.parseInt(args[0])
            : env != null ? Integer.parseInt(env) : DEFAULT_PORT;
    List<SensorRow> rows =
        args.length > 1
            ? SensorCsv.read(Path.of(args[1]))
            : SensorDataset.generate(SensorDataset.DEFAULT_SEED);
    Vertx vertx = Vertx.vertx();
    try {
      SensorServer sensor = start(vertx, rows, "0.0.0.0", port).await();
      System.out.println(
          "sensor endpoint on port " + sensor.port() + ", serving " + rows.size() + " rows");
    } catch (RuntimeException e) {
      System.err.println("sensor endpoint cannot listen on port " + port + ": " + e.getMessage());
      vertx.close(); // its event-loop threads would keep the JVM alive
      System.exit(1);
    }
  }
}
