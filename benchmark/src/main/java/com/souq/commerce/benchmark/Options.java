package com.souq.commerce.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
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

    Path results() {
        return Path.of(values.getOrDefault("results", "benchmark/results"));
    }
}
