package io.dyninka.maven.resources;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU and memory of a process that hosts several members. It does the work of all of them, so
 * it gets the sum of their CPU requests and limits: the JVM sizes its processor count (event loops,
 * compiler and GC threads) from the limit, and the scheduler reserves what the members reserved
 * apart. Memory stays one member's: most of a small service's footprint is its JVM, which the group
 * pays once (all five services of the orders flow in one JVM measured 114 MB against 103 MB for one
 * of them alone), and the heap is sized from the limit.
 */
final class GroupCompute {

  private GroupCompute() {}

  /** The requirements of a group's container, from its members' containers. */
  static ResourceRequirements of(List<Container> members) {
    ResourceRequirements first = members.get(0).getResources();
    if (first == null) {
      return null;
    }
    ResourceRequirements group = new ResourceRequirements();
    group.setRequests(summedCpu(members, true));
    group.setLimits(summedCpu(members, false));
    group.setClaims(first.getClaims());
    return group;
  }

  private static Map<String, Quantity> summedCpu(List<Container> members, boolean requests) {
    Map<String, Quantity> first = pick(members.get(0).getResources(), requests);
    if (first == null) {
      return null;
    }
    Map<String, Quantity> group = new LinkedHashMap<>(first);
    if (first.containsKey("cpu")) {
      BigDecimal cores = BigDecimal.ZERO;
      for (Container member : members) {
        Map<String, Quantity> own = pick(member.getResources(), requests);
        Quantity cpu = own == null ? null : own.get("cpu");
        if (cpu != null) {
          cores = cores.add(cpu.getNumericalAmount());
        }
      }
      group.put("cpu", millicores(cores));
    }
    return group;
  }

  private static Map<String, Quantity> pick(ResourceRequirements resources, boolean requests) {
    if (resources == null) {
      return null;
    }
    return requests ? resources.getRequests() : resources.getLimits();
  }

  /** {@code 300m}, or {@code 2} for whole cores: how an operator writes it. */
  private static Quantity millicores(BigDecimal cores) {
    BigDecimal milli = cores.movePointRight(3).stripTrailingZeros();
    if (milli.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
      return new Quantity(cores.stripTrailingZeros().toPlainString());
    }
    return new Quantity(milli.toBigInteger() + "m");
  }
}
