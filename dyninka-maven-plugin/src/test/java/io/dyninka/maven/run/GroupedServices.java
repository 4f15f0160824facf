package io.dyninka.maven.run;

import io.dyninka.runtime.Arguments;
import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;

/**
 * Two services written as the processor writes them (a private constructor, a main of their own),
 * so that {@code GroupMain} can host them together in {@code dyninka:run} tests: head → twice.
 */
public final class GroupedServices {

  private GroupedServices() {}

  /** The head: answers {@code "a"}. */
  public static final class Head implements ServiceFunction {
    private Head() {}

    @Override
    public Object apply(Arguments in) {
      return "a";
    }

    public static void main(String[] args) {
      ServiceHost.main("shop", "head", new Head());
    }
  }

  /** The sink: its input twice. */
  public static final class Twice implements ServiceFunction {
    private Twice() {}

    @Override
    public Object apply(Arguments in) {
      String value = in.get(0);
      return value + value;
    }

    public static void main(String[] args) {
      ServiceHost.main("shop", "twice", new Twice());
    }
  }
}
