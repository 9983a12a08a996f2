package com.souq.commerce.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromptRetriesTest {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofMinutes(1);

    @Test
    void aFailedDeadlineIsRetriedAfterASecondThenTwiceAsLongEachTime() {
        assertThat(PromptRetries.delayAfter(0, FIRST, LONGEST)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PromptRetries.delayAfter(1, FIRST, LONGEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PromptRetries.delayAfter(5, FIRST, LONGEST)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void retriesNeverWaitLongerThanTheLongestInterval() {
        assertThat(PromptRetries.delayAfter(6, FIRST, LONGEST)).isEqualTo(LONGEST);
        assertThat(PromptRetries.delayAfter(1_000, FIRST, LONGEST)).isEqualTo(LONGEST);
    }
}
