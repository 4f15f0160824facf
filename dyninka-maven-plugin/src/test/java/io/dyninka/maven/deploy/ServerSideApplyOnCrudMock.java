package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Lets the fabric8 CRUD mock serve server-side apply, which it answers with 415: an apply becomes a
 * PUT of the whole object, and when the object does not exist yet (404), a POST to its collection.
 * For objects that one field manager owns whole, as Dyninka's are, that is what the API server does
 * with an apply: it creates, or replaces the fields of the applied configuration. An apply that
 * changes nothing leaves the mock's resourceVersion and generation as they were, like the server.
 */
public final class ServerSideApplyOnCrudMock implements Consumer<KubernetesClientBuilder> {

  private static final String APPLY = "application/apply-patch+yaml";

  @Override
  public void accept(KubernetesClientBuilder builder) {
    builder.withHttpClientBuilderConsumer(
        http ->
            http.addOrReplaceInterceptor(
                "server-side-apply",
                new Interceptor() {
                  @Override
                  public void before(BasicBuilder next, HttpRequest request, RequestTags tags) {
                    if (request instanceof StandardHttpRequest r
                        && APPLY.equals(r.getContentType())
                        && next instanceof HttpRequest.Builder b) {
                      b.method("PUT", "application/json", r.bodyString());
                    }
                  }

                  @Override
                  public CompletableFuture<Boolean> afterFailure(
                      HttpRequest.Builder next, HttpResponse<?> response, RequestTags tags) {
                    HttpRequest request = response.request();
                    String query = request.uri().getQuery();
                    if (response.code() == 404
                        && "PUT".equals(request.method())
                        && query != null
                        && query.contains("fieldManager=")) {
                      String path = request.uri().getPath();
                      next.uri(
                          request
                              .uri()
                              .resolve(URI.create(path.substring(0, path.lastIndexOf('/')))));
                      next.method("POST", "application/json", request.bodyString());
                      return CompletableFuture.completedFuture(true);
                    }
                    return CompletableFuture.completedFuture(false);
                  }
                }));
  }
}
