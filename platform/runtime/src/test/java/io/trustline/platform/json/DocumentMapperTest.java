package io.trustline.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DocumentMapperTest {

    enum Impact { STOPPED, SLOWED }

    record Step(String text, boolean done) {
    }

    record Stored(String name, Instant at, Duration within, int count, long total, double ratio, BigDecimal amount,
                  Impact impact, List<Step> steps, Step last, String missing) {
    }

    private final Stored stored = new Stored("payroll", Instant.parse("2026-12-07T10:15:30.123Z"), Duration.ofHours(4),
            3, 5_000_000_000L, 0.75, new BigDecimal("12.50"), Impact.STOPPED,
            List.of(new Step("restart the VM", true), new Step("verify the export", false)), new Step("call", false), null);

    @Test
    void aRecordReadsBackEqual_fromWhatItStored() {
        Document document = DocumentMapper.toDocument(stored).append("_id", "t|1").append("tenantId", "t");

        // amounts are stored as JSON numbers, so as doubles: 12.50 reads back as 12.5
        assertThat(DocumentMapper.fromDocument(document, Stored.class)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(stored);
    }

    @Test
    void aRecordIsStoredInTheShapeTheApisShow_datesAsIsoText() {
        Document document = DocumentMapper.toDocument(stored);

        assertThat(document.get("at")).isEqualTo("2026-12-07T10:15:30.123Z");
        assertThat(document.get("impact")).isEqualTo("STOPPED");
        assertThat(document.getList("steps", Document.class)).extracting(step -> step.get("text"))
                .containsExactly("restart the VM", "verify the export");
    }

    @Test
    void aDocumentOfAnotherShape_isReportedAsNotTheRecord() {
        Document document = new Document("name", "payroll").append("count", "not a number");

        assertThatThrownBy(() -> DocumentMapper.fromDocument(document, Stored.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a Stored");
    }
}
