#!/usr/bin/env python3
"""Allocation and CPU samples per answer, per service, from JFR recordings of a benchmark run.

Usage: benchmarks/profile/profile.sh (which runs the benchmark with JFR and then this), or
  per_answer.py RUN_LOG JFR_DIR SECONDS

RUN_LOG is the output of benchmarks/run.sh, JFR_DIR holds one recording per service JVM, SECONDS
is the length of the 50-worker keep-alive profile (TARGET_DURATION). Only the samples inside each
system's own keep-alive-on window count (the systems take turns), so a figure is that system's
work per answer: a measure that, unlike req/s, barely moves when other work shares the machine.
"""
import collections
import datetime
import pathlib
import re
import subprocess
import sys

PROFILE = re.compile(r"^\[(\d\d:\d\d:\d\d)\] (.+?)\s{2,}50 workers, keep-alive on\s+(\d+) req/s", re.M)
MAIN = re.compile(r"(SmartBuilding\w+Service|HandWrittenChain\$\w+|GatewayChain\$\w+|Gateway\w*|Orchestrator\w*|FunctionService\w*)")
STAMP = re.compile(r"startTime = (\d\d:\d\d:\d\d)")
FRAME = re.compile(r"^\s+([\w.$<>/]+\.[\w$<>]+)\(", re.M)
WEIGHT = re.compile(r"weight = ([\d.]+) (bytes|kB|MB)")
UNIT = {"bytes": 1, "kB": 1024, "MB": 1024 * 1024}


def events(recording, kind, depth):
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", str(depth), str(recording)],
                          capture_output=True, text=True, check=True).stdout
    return text.split(kind)[1:]


def main_class(recording):
    info = subprocess.run(["jfr", "print", "--events", "jdk.JVMInformation", str(recording)],
                          capture_output=True, text=True, check=True).stdout
    found = MAIN.findall(info)
    return found[-1] if found else None


def within(event, start, end):
    stamp = STAMP.search(event)
    return stamp is not None and start <= stamp.group(1) < end


def main():
    log, jfr_dir, seconds = pathlib.Path(sys.argv[1]).read_text(), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    windows = {}
    for end, system, rps in PROFILE.findall(log):
        stop = datetime.datetime.strptime(end, "%H:%M:%S")
        # Two seconds off each end: hey's ramp-up and the report line's delay.
        begin = (stop - datetime.timedelta(seconds=seconds - 2)).strftime("%H:%M:%S")
        finish = (stop - datetime.timedelta(seconds=2)).strftime("%H:%M:%S")
        # The runner names a system after its flow ("Smart-building chain, Dyninka"): this reads one flow.
        label = re.sub(r"^(Smart-building chain|Orders app), ", "", system.strip())
        windows[label] = (begin, finish, int(rps) * (seconds - 4))
    print("| system | service JVM | bytes allocated per answer | CPU samples per 1,000 answers |")
    print("|---|---|---:|---:|")
    sites = {}
    for recording in sorted(jfr_dir.glob("*.jfr")):
        name = main_class(recording)
        if name is None:
            continue
        system = "hand-written Vert.x" if name.startswith("HandWritten") else "Dyninka" if name.startswith("SmartBuilding") else "gateway + orchestrator"
        # Dyninka and its candidate run the same services: a JVM belongs to the window it was busy in.
        allocations = []  # (time, bytes, first frame outside the JDK), read once per recording
        for event in events(recording, "jdk.ObjectAllocationSample", 8):
            weight, stamp = WEIGHT.search(event), STAMP.search(event)
            if weight and stamp:
                frames = [f for f in FRAME.findall(event) if not f.startswith(("java.", "jdk.", "sun."))]
                allocations.append((stamp.group(1), float(weight.group(1)) * UNIT[weight.group(2)], frames[0] if frames else "?"))
        measured = []
        for label in (s for s in windows if s.startswith(system)):
            begin, finish, answers = windows[label]
            by_site = collections.Counter()
            for time, bytes_, site in allocations:
                if begin <= time < finish:
                    by_site[site] += bytes_
            measured.append((sum(by_site.values()), label, by_site))
        if not measured:
            continue
        allocated, label, by_site = max(measured, key=lambda m: m[0])
        begin, finish, answers = windows[label]
        samples = sum(1 for e in events(recording, "jdk.ExecutionSample", 1) if within(e, begin, finish))
        print(f"| {label} | {name} | {allocated / answers:,.0f} | {samples * 1000 / answers:.2f} |")
        sites[(label, name)] = (allocated, by_site)
    for (label, name), (allocated, by_site) in sites.items():
        if "Map" in name:
            print(f"\nTop allocation sites, {label}, {name} (first frame outside the JDK):\n")
            for site, bytes_ in by_site.most_common(12):
                print(f"- {100 * bytes_ / allocated:4.1f} % `{site}`")


if __name__ == "__main__":
    main()
