package com.souq.commerce.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what a run sent and how it was answered, per operation kind and outcome; thread-safe. */
final class Tally {

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void count(String operation, String outcome) {
        counts.computeIfAbsent(operation, kind -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, kind -> new LongAdder()).increment();
    }

    void count(String operation, Shop.Answer answer) {
        count(operation, answer.ok() ? String.valueOf(answer.status()) : answer.code());
    }

    /** Requests the engine answered, whatever the answer. */
    long total() {
        return counts.values().stream().flatMap(outcomes -> outcomes.entrySet().stream())
                .filter(outcome -> !outcome.getKey().startsWith("unanswered")).mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** Requests the engine did not answer: it was down, or killed while it ran them. */
    long unanswered() {
        return counts.values().stream().flatMap(outcomes -> outcomes.entrySet().stream())
                .filter(outcome -> outcome.getKey().startsWith("unanswered")).mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** Requests answered 409 (a conflict or a rule of the current state), of every kind. */
    long conflicts() {
        return counts.values().stream().flatMap(outcomes -> outcomes.entrySet().stream())
                .filter(outcome -> outcome.getKey().startsWith("409")).mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    long count(String operation, java.util.function.Predicate<String> outcome) {
        return counts.getOrDefault(operation, Map.of()).entrySet().stream().filter(entry -> outcome.test(entry.getKey()))
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    /** One Markdown table row per operation kind: the total and each outcome. */
    String table() {
        StringBuilder table = new StringBuilder("| operation | requests | outcomes |\n|---|---|---|\n");
        new TreeMap<>(counts).forEach((operation, outcomes) -> {
            Map<String, Long> sorted = new TreeMap<>();
            outcomes.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
            table.append("| ").append(operation).append(" | ")
                    .append(sorted.values().stream().mapToLong(Long::longValue).sum()).append(" | ")
                    .append(String.join(", ", sorted.entrySet().stream()
                            .map(entry -> entry.getKey() + ": " + entry.getValue()).toList()))
                    .append(" |\n");
        });
        return table.toString();
    }
}
