package io.trustline.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.trustline.platform.testing.OnMongoStandIn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TenantDocumentsTest extends OnMongoStandIn {

    record Incident(String summary, String state, List<String> history) {
    }

    /** What another projection keeps on the same document and reads back alone. */
    record Facts(Instant acknowledgedAt) {
    }

    private final MongoCollection<Document> collection = client.getDatabase("read-models-" + UUID.randomUUID())
            .getCollection("incident_details");
    private final TenantDocuments<Incident> incidents = new TenantDocuments<>(collection, Incident.class);
    private final TenantDocuments<Facts> facts = new TenantDocuments<>(collection, Facts.class);

    @Test
    void twoRecordsOnOneDocument_eachReadsItsOwnFields() {
        Instant acknowledgedAt = Instant.parse("2026-12-07T09:00:00Z");
        incidents.upsert("tenant-a", "issue-1", new Incident("Payroll down", "OPEN", null));
        incidents.addToList("tenant-a", "issue-1", "history", "opened");
        incidents.addToList("tenant-a", "issue-1", "history", "acknowledged");
        facts.upsertFields("tenant-a", "issue-1", Map.of("acknowledgedAt", acknowledgedAt));

        assertThat(incidents.find("tenant-a", "issue-1"))
                .contains(new Incident("Payroll down", "OPEN", List.of("opened", "acknowledged")));
        assertThat(facts.find("tenant-a", "issue-1")).contains(new Facts(acknowledgedAt));
    }

    @Test
    void anotherTenantsDocument_readsAsAbsent() {
        incidents.upsert("tenant-a", "issue-1", new Incident("Payroll down", "OPEN", List.of()));

        assertThat(incidents.find("tenant-b", "issue-1")).isEmpty();
        assertThat(facts.find("tenant-b", "issue-1")).isEmpty();
    }
}
