package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** Flow variables used wrongly. */
public class FlowVariables {
  @Service
  static int start() {
    return 1;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service
  static int dec(int x) {
    return x - 1;
  }

  @Service
  static int add(int a, int b) {
    return a + b;
  }

  @Service
  static int first() {
    return 1;
  }

  @Service
  static int second(int x) {
    return x;
  }

  @Service
  static int third(int x) {
    return x;
  }

  @Service
  static int fourth(int x) {
    return x;
  }

  @Dataflow(name = "reassigned")
  static Flow<Integer> reassigned() {
    Flow<Integer> base = Flow.from(FlowVariables::start);
    base = base.then(FlowVariables::inc); // again
    return Flow.zip(base, base.then(FlowVariables::dec), FlowVariables::add);
  }

  @Dataflow(name = "unused")
  static Flow<Integer> unused() {
    Flow<Integer> spare = Flow.input(Integer.class); // spare
    return Flow.from(FlowVariables::first).then(FlowVariables::second);
  }

  @Dataflow(name = "written-twice")
  static Flow<Integer> writtenTwice() {
    Flow<Integer> head = Flow.from(FlowVariables::first).then(FlowVariables::third);
    return head.then(FlowVariables::fourth).then(FlowVariables::third); // twice
  }
}
