package io.trustline.intake.issue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.trustline.intake.issue.IssueEvent.ExpectationSet;
import io.trustline.intake.issue.IssueEvent.IssueReported;
import io.trustline.platform.axon.AxonMessageHandlers;
import io.trustline.platform.json.DocumentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one document per issue, written with whole-document upserts so that replaying the events
 * rebuilds the same documents.
 */
@ApplicationScoped
public class IssueDetailsProjection implements AxonMessageHandlers {

    private final MongoCollection<Document> issues;

    @Inject
    IssueDetailsProjection(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.issues = mongo.getDatabase(database).getCollection("issue_details");
    }

    @EventHandler
    void on(IssueReported event) {
        save(event.tenantId(), new IssueDetails(event.issueId(), event.clientId(), event.summary(), event.description(),
                event.reportedBy(), event.channel(), event.psaTicket(), event.priority(), null, event.reportedAt()));
    }

    @EventHandler
    void on(ExpectationSet event) {
        IssueDetails current = find(event.tenantId(), event.issueId())
                .orElseThrow(() -> new IllegalStateException("expectation for unknown issue " + event.issueId()));
        save(event.tenantId(), current.withExpectation(event.expectation()));
    }

    @QueryHandler
    Optional<IssueDetails> handle(GetIssueById query) {
        return find(query.tenantId(), query.issueId());
    }

    private Optional<IssueDetails> find(String tenantId, String issueId) {
        Document stored = issues.find(Filters.eq("_id", issueId)).first();
        if (stored == null || !tenantId.equals(stored.getString("tenantId"))) {
            return Optional.empty();
        }
        stored.remove("tenantId");
        return Optional.of(DocumentMapper.fromDocument(stored, IssueDetails.class));
    }

    private void save(String tenantId, IssueDetails details) {
        Document document = DocumentMapper.toDocument(details).append("tenantId", tenantId);
        issues.replaceOne(Filters.eq("_id", details.issueId()), document.append("_id", details.issueId()),
                new ReplaceOptions().upsert(true));
    }
}
