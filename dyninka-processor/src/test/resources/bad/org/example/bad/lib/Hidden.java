package org.example.bad.lib;

import io.dyninka.Service;

/** Its service is package-private: invisible to generated classes of other packages. */
public class Hidden {
  @Service
  static Integer compute() {
    return 1;
  }
}
