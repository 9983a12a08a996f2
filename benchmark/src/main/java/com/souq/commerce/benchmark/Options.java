package com.souq.commerce.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} arguments with defaults. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments look like --name=value, not " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Options(values);
    }

    int number(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    /** A comma-separated list of numbers, such as {@code --clients=1,8,32}. */
    List<Integer> numbers(String name, List<Integer> fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        return Arrays.stream(values.get(name).split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    /**
     * Settings for the engine under test, given as options whose name is a property ({@code --souq.x.y=1},
     * {@code --spring.x=...}, {@code --axon.x=...}): to measure a tuning before changing a default.
     */
    List<String> engineSettings() {
        return values.entrySet().stream().filter(option -> option.getKey().contains("."))
                .map(option -> "--" + option.getKey() + "=" + option.getValue()).sorted().toList();
    }

    Path results() {
        return Path.of(values.getOrDefault("results", "benchmark/results"));
    }
}
