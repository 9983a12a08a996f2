package com.souq.commerce.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainTextStaysAsItIs() {
        assertThat(Csv.field("capture:abc/def")).isEqualTo("capture:abc/def");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.field("commission 54.00, VAT 7.56")).isEqualTo("\"commission 54.00, VAT 7.56\"");
        assertThat(Csv.field("the \"best\" pads")).isEqualTo("\"the \"\"best\"\" pads\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aSpreadsheetFormulaIsNeverLeftToRun() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("-1+2")).isEqualTo("'-1+2");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
