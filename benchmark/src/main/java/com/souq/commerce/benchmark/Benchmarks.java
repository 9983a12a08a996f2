package com.souq.commerce.benchmark;

import java.util.Arrays;

/**
 * Entry point of {@code bin/benchmark}: runs one benchmark against the whole engine in this process, on real
 * PostgreSQL and a real Elasticsearch node, prints the figures and writes them to {@code benchmark/results/}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (which) {
            case "search" -> SearchBenchmark.run(Options.parse(rest));
            case "checkout" -> CheckoutBenchmark.run(Options.parse(rest));
            case "append" -> AppendBenchmark.run(Options.parse(rest));
            case "ledger" -> LedgerBenchmark.run(Options.parse(rest));
            case "rebuild" -> RebuildBenchmark.run(Options.parse(rest));
            default -> {
                System.out.println("""
                        usage: bin/benchmark search [--listings=100000] [--queries=2000] [--results=benchmark/results]
                          search  index generated listings through the search projection, then measure a filtered,
                                  faceted full-text query and a suggestion (p50/p99 over HTTP)
                        bin/benchmark checkout [--orders=2000] [--clients=8]
                          checkout concurrent shoppers check out 3-vendor carts with the sandbox gateway: orders/s,
                                  p50/p99 from the request to the order paid and to its vendor orders created
                        bin/benchmark append [--clients=1,8,32] [--seconds=10] [--warmup=3] [--jit-warmup=40] [--a.property=value]
                          append  create listing and add to cart over HTTP: commands/s, p50/p99, against PostgreSQL
                                  inserting rows of the same shape, one transaction per row, at the same concurrency;
                                  engine properties given as options apply to the run (written to append-tuned.md)
                        bin/benchmark ledger [--events=1000000] [--ledger-every=10] [--vendors=1000]
                          ledger  the trial balance as of an instant replayed from a store of that many events
                                  (written straight into the store, processors shut down): answer time, events/s
                        bin/benchmark rebuild [--events=1000000] [--search=false]
                          rebuild generated listings appended and projected; the store read sequentially (JDBC
                                  cursor, Axon's stream deserialized), then the listings read model rebuilt blue-green
                                  and the search index rebuilt (other processors paused): events/s of each against
                                  the plain read, switch time, heap after GC and resident size of the engine""");
                System.exit(which.equals("help") ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
