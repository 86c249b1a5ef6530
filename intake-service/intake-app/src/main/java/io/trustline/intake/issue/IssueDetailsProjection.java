package io.trustline.intake.issue;

import com.mongodb.client.MongoClient;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.issue.IssueEvent.ExpectationRevised;
import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.intake.issue.IssueEvent.PsaTicketLinked;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.readmodel.TenantDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One document per issue; each event upserts its own fields, so a replay rebuilds the same documents. */
@ApplicationScoped
public class IssueDetailsProjection implements AxonMessageHandlers {

    private final TenantDocuments<IssueDetails> issues;

    @Inject
    IssueDetailsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.issues = new TenantDocuments<>(mongo.getDatabase(database).getCollection("issue_details"), IssueDetails.class);
    }

    @EventHandler
    void on(IssueReported event) {
        issues.upsert(event.tenantId(), event.issueId(), IssueDetails.of(event));
    }

    @EventHandler
    void on(ExpectationSet event) {
        issues.upsertField(event.tenantId(), event.issueId(), "expectation", event.expectation());
    }

    @EventHandler
    void on(ExpectationRevised event) {
        issues.upsertField(event.tenantId(), event.issueId(), "expectation", event.after());
    }

    @EventHandler
    void on(PsaTicketLinked event) {
        issues.upsertField(event.tenantId(), event.issueId(), "psaTicket",
                new PsaTicketRef(event.psa().name(), event.externalTicketId()));
    }

    @QueryHandler
    Optional<IssueDetails> handle(GetIssueById query) {
        return issues.find(query.tenantId(), query.issueId());
    }
}
