package io.dyninka.runtime.group;

import io.dyninka.runtime.Arguments;
import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;

/**
 * The services of the test app {@code grouped} (META-INF/dyninka/grouped.json): head → twice →
 * tail, each written as the processor writes a service class, with a private constructor and a main
 * of its own.
 */
final class GroupedApp {

  private GroupedApp() {}

  static final class Head implements ServiceFunction {
    private Head() {}

    @Override
    public Object apply(Arguments in) {
      return 1;
    }

    public static void main(String[] args) {
      ServiceHost.main("grouped", "head", new Head());
    }
  }

  static final class Twice implements ServiceFunction {
    private Twice() {}

    @Override
    public Object apply(Arguments in) {
      return in.<Integer>get(0) * 2;
    }

    public static void main(String[] args) {
      ServiceHost.main("grouped", "twice", new Twice());
    }
  }

  static final class Tail implements ServiceFunction {
    private Tail() {}

    @Override
    public Object apply(Arguments in) {
      return in.<Integer>get(0) + 1;
    }

    public static void main(String[] args) {
      ServiceHost.main("grouped", "tail", new Tail());
    }
  }
}
