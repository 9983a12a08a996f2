package com.souq.commerce.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListingRowTest {

    @Test
    void timesAreRoundedToTheMicrosecondAsTheDriverBindsThem() {
        assertThat(ListingRow.timestamp(Instant.parse("2026-11-24T04:56:44.792098499Z")))
                .isEqualTo("2026-11-24T04:56:44.792098Z");
        assertThat(ListingRow.timestamp(Instant.parse("2026-11-24T04:56:44.792098500Z")))
                .isEqualTo("2026-11-24T04:56:44.792099Z");
        assertThat(ListingRow.timestamp(Instant.parse("2026-11-24T04:56:59.999999999Z")))
                .isEqualTo("2026-11-24T04:57:00Z");
    }

    @Test
    void partNumbersBecomeAnArrayLiteralWithQuotesAndBackslashesEscaped() {
        assertThat(ListingRow.arrayLiteral(new String[0])).isEqualTo("{}");
        assertThat(ListingRow.arrayLiteral(new String[] {"04465-33450", "a \"b\" \\c", "{x,y}"}))
                .isEqualTo("{\"04465-33450\",\"a \\\"b\\\" \\\\c\",\"{x,y}\"}");
    }
}
