package com.souq.commerce.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} options of a run, with defaults. */
record Settings(Map<String, String> values) {

    static Settings parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value, not " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Settings(values);
    }

    int number(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name).replace("_", "")) : fallback;
    }

    /** A duration in seconds ({@code --seconds=60}) or ISO-8601 ({@code PT1M}). */
    Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return value.startsWith("P") ? Duration.parse(value) : Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
    }

    long seed() {
        return values.containsKey("seed") ? Long.parseLong(values.get("seed")) : System.nanoTime();
    }

    /** {@code --elasticsearch-startup=600}: the run starts its own node and waits that long; else the JVM's node. */
    Duration searchStartup() {
        return values.containsKey("elasticsearch-startup") ? duration("elasticsearch-startup", null) : null;
    }

    Path results() {
        return Path.of(values.getOrDefault("results", "reliability/results"));
    }

    Path engineJar() {
        return Path.of(values.getOrDefault("engine-jar", System.getProperty("souq.reliability.engine-jar",
                "engine/target/engine-0.1.0-SNAPSHOT-exec.jar")));
    }

    /** Options naming an engine property ({@code --souq.x=1}) go to every engine process as they are. */
    List<String> engineProperties() {
        return values.entrySet().stream().filter(option -> option.getKey().contains("."))
                .map(option -> "--" + option.getKey() + "=" + option.getValue()).sorted().toList();
    }
}
