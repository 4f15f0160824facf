package io.dyninka.maven.image;

/**
 * The numeric user and group services run as ({@code dyninka.image.user=uid[:gid]}), the one type
 * that {@code dyninka:build} writes into the image and the resources put on the pods. Numeric, so
 * that Kubernetes can verify {@code runAsNonRoot}; never root. Without a group, the group is the
 * user's number, as distroless' {@code nonroot} (65532:65532) has it.
 */
public record ContainerUser(long uid, long gid) {

  public ContainerUser {
    if (uid == 0) {
      throw new IllegalArgumentException("image user must not be root (dyninka.image.user=0)");
    }
  }

  public static ContainerUser parse(String text) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("\\d{1,10}(:\\d{1,10})?")) {
      throw new IllegalArgumentException(
          "image user '"
              + text
              + "' must be numeric (dyninka.image.user), e.g. 65532 or 65532:65532,"
              + " so that Kubernetes can verify runAsNonRoot");
    }
    int colon = t.indexOf(':');
    long uid = Long.parseLong(colon < 0 ? t : t.substring(0, colon));
    long gid = colon < 0 ? uid : Long.parseLong(t.substring(colon + 1));
    return new ContainerUser(uid, gid);
  }

  /** As the image config's {@code User} takes it: {@code uid:gid}. */
  @Override
  public String toString() {
    return uid + ":" + gid;
  }
}
