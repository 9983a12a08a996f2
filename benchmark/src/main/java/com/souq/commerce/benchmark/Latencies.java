package com.souq.commerce.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** Sends requests one after another and records their latency as a client sees it; any non-200 aborts the run. */
final class Latencies {

    record Summary(long count, double p50Millis, double p99Millis, double maxMillis, double meanMillis) {

        String row(String name) {
            return "| %s | %d | %.1f | %.1f | %.1f | %.1f |".formatted(name, count, p50Millis, p99Millis, meanMillis,
                    maxMillis);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Summary measure(int warmup, int count, Supplier<String> pathAndQuery, String baseUrl) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < warmup + count; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery.get())).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            long micros = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            if (i >= warmup) {
                histogram.recordValue(micros);
            }
        }
        return new Summary(histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0,
                histogram.getMean() / 1000.0);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
