package com.souq.commerce.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The two reliability runs of {@code bin/reliability}, shortened: engines as separate processes from the exec jar
 * on one fresh PostgreSQL database each and the JVM's Elasticsearch node. A break of any invariant fails the test;
 * its report (in {@code target/reliability-results}) names each break.
 */
class ShortReliabilityRunsTest {

    private static final String RESULTS = "--results=target/reliability-results";

    @Test
    void survivesTwoSigkillsUnderLoad() throws Exception {
        CrashRun.Result run = CrashRun.run(Settings.parse("--seconds=45", "--kills=2", "--shoppers=4", RESULTS));

        assertThat(run.kills()).isEqualTo(2);
        assertThat(run.operations()).isPositive();
        assertThat(run.checked()).isPositive();
        assertThat(run.breaks()).as(Files.readString(run.report())).isZero();
    }

    @Test
    void twoInstancesShareProcessorsAndLoseNoUpdate() throws Exception {
        TwoInstancesRun.Result run = TwoInstancesRun.run(Settings.parse("--seconds=30", "--shoppers=3", RESULTS));

        assertThat(run.operations()).isPositive();
        assertThat(run.conflicts()).as("conflicting commands were answered 409 at least once").isPositive();
        assertThat(run.segmentsByOwner()).as("some instance owns the processors' segments").isNotEmpty();
        assertThat(run.segmentsSplit()).as("each instance owns some of the processors' segments: "
                + run.segmentsByOwner()).isTrue();
        assertThat(run.breaks()).as(Files.readString(run.report())).isZero();
    }
}
