package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLException;

/**
 * What an error of the Kubernetes API means for the user: what went wrong, on which object, and
 * what to fix, for the errors users meet (no cluster, credentials, RBAC, a missing namespace).
 */
final class KubernetesApiErrors {

  private final String masterUrl;
  private final String namespace;

  KubernetesApiErrors(String masterUrl, String namespace) {
    this.masterUrl = masterUrl;
    this.namespace = namespace;
  }

  /**
   * @param verb what was being done, e.g. "create"
   * @param what the object, e.g. "Deployment/get"; null when not known
   */
  String explain(KubernetesClientException e, String verb, String what) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SSLException
          || t instanceof HttpConnectTimeoutException
          || t instanceof NoRouteToHostException) {
        return "No Kubernetes cluster reachable at "
            + masterUrl
            + " ("
            + t.getMessage()
            + "). Check 'kubectl cluster-info' and the current context of your kubeconfig, or choose"
            + " another target with -Ddyninka.target=podman|marathon|local.";
      }
    }
    String object = what == null ? "objects" : what;
    String status =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return switch (e.getCode()) {
      case 401 ->
          "The cluster at "
              + masterUrl
              + " refused your credentials (401): log in again or refresh the kubeconfig context.";
      case 403 ->
          "Forbidden to "
              + verb
              + " "
              + object
              + " in namespace "
              + namespace
              + " (RBAC): "
              + status
              + ". Ask for a Role in that namespace that allows get, list, create, patch and"
              + " delete on deployments (apps), services (core), networkpolicies"
              + " (networking.k8s.io) and list on pods, or deploy to a namespace you own with"
              + " -Ddyninka.namespace=….";
      case 404 ->
          "Not found while trying to "
              + verb
              + " "
              + object
              + ": "
              + status
              + ". Does namespace "
              + namespace
              + " exist? Create it ('kubectl create namespace "
              + namespace
              + "') or set -Ddyninka.namespace.";
      case 409 -> "Conflict while trying to " + verb + " " + object + ": " + status;
      case 422 -> "The cluster rejected " + object + " as invalid: " + status;
      default ->
          "Kubernetes refused to " + verb + " " + object + " (" + e.getCode() + "): " + status;
    };
  }
}
