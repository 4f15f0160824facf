package io.dyninka.processor.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * A local {@code Flow} variable of a {@code @Dataflow} body: a sub-flow with a name, which the
 * app's chain may use any number of times. Its chain is read once, so its steps are one set of
 * services however often it is used; a variable used more than once makes the app a DAG.
 *
 * <p>Compared by identity: two blocks may declare variables of one name.
 */
public final class FlowVariable {

  private final String name;
  private final SourceSite declaration;
  private final WrittenType declaredType;
  private final List<SourceSite> reassignments = new ArrayList<>();
  private RawChain chain;
  private int uses;

  /** A variable whose item type is its chain's, as javac infers it. */
  FlowVariable(String name, SourceSite declaration) {
    this(name, declaration, new WrittenType.Inferred());
  }

  FlowVariable(String name, SourceSite declaration, WrittenType declaredType) {
    this.name = name;
    this.declaration = declaration;
    this.declaredType = declaredType;
  }

  public String name() {
    return name;
  }

  /** Where it is declared. */
  public SourceSite declaration() {
    return declaration;
  }

  /** The item type its declaration names: {@code Rate} of {@code Flow<Rate> rate}. */
  public WrittenType declaredType() {
    return declaredType;
  }

  /** The chain of its initializer. */
  public RawChain chain() {
    return chain;
  }

  /** How many times the app's chains use it. */
  public int uses() {
    return uses;
  }

  /** Where it is assigned after its declaration: each one is an error. */
  public List<SourceSite> reassignments() {
    return List.copyOf(reassignments);
  }

  void define(RawChain initializer) {
    this.chain = initializer;
  }

  void used() {
    uses++;
  }

  void reassigned(SourceSite site) {
    reassignments.add(site);
  }

  @Override
  public String toString() {
    return "FlowVariable[" + name + "]";
  }
}
