package com.akoolnarrator.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator has seen, by name: requests by endpoint, and the faults it injected. */
final class SimulatorCounters {

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long get(String what) {
        AtomicLong count = calls.get(what);
        return count == null ? 0 : count.get();
    }

    Map<String, Long> all() {
        Map<String, Long> all = new LinkedHashMap<>();
        calls.forEach((name, count) -> all.put(name, count.get()));
        return all;
    }

    void reset() {
        calls.clear();
    }
}
