package com.souq.commerce.reliability;

import java.util.Arrays;

/**
 * Entry point of {@code bin/reliability}: runs the engine as separate processes from its exec jar against one
 * PostgreSQL database and one Elasticsearch node, does violence to them, and checks the invariants. Exits 1 when
 * any invariant broke.
 */
public final class Reliability {

    private Reliability() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "help" : args[0];
        Settings parsed = Settings.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        java.util.Map<String, String> values = new java.util.HashMap<>(parsed.values());
        values.putIfAbsent("elasticsearch-startup", "600");
        Settings settings = new Settings(values);
        long breaks;
        switch (which) {
            case "crash" -> breaks = CrashRun.run(settings).breaks();
            case "two-instances" -> breaks = TwoInstancesRun.run(settings).breaks();
            default -> {
                System.out.println("""
                        usage: bin/reliability crash [--seconds=180] [--kills=5] [--shoppers=6] [--seed=N]
                          SIGKILL the engine at random moments under checkouts, cancellations and fulfilment,
                          restart it, let it finish, check the invariants
                        bin/reliability two-instances [--seconds=120] [--shoppers=4] [--burst=3] [--seed=N]
                                                    [--start=together]
                          two engines on one database: segments split, conflicting commands on both, invariants
                        common: [--results=reliability/results] [--name=<file name>] [--keep-database=true]
                                [--engine-jar=engine/target/engine-0.1.0-SNAPSHOT-exec.jar] [--souq.x.y=value]
                                [--elasticsearch-startup=600 (seconds to wait for the run's Elasticsearch node)]""");
                System.exit(which.equals("help") ? 0 : 2);
                return;
            }
        }
        System.exit(breaks == 0 ? 0 : 1);
    }
}
