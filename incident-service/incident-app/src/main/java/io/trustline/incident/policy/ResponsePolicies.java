package io.trustline.incident.policy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.trustline.platform.json.DocumentMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenants' response policies, one immutable document per version ({@code _id} = {@code tenantId|version}); the
 * current policy is the highest version. Plain documents rather than an aggregate: the policy has no rules across
 * versions beyond "next version", which the unique {@code _id} enforces for any number of instances (two PUTs that
 * read the same version cannot both store the next one; the loser re-reads and takes the one after), and a reader —
 * the intake consumer computing an incident's targets — sees a PUT as soon as it is answered, with no projection lag.
 */
@ApplicationScoped
public class ResponsePolicies {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoCollection<Document> policies;

    @Inject
    ResponsePolicies(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.policies = mongo.getDatabase(database).getCollection("response_policies");
    }

    /** The tenant's latest policy, or the built-in (version 0) when it never set one. */
    public ResponsePolicy current(String tenantId) {
        Document latest = policies.find(Filters.eq("tenantId", tenantId)).sort(Sorts.descending("version")).first();
        if (latest == null) {
            return ResponsePolicy.BUILT_IN;
        }
        return DocumentMapper.fromDocument(latest.get("policy", Document.class), ResponsePolicyDetails.class).toPolicy();
    }

    /** Stores the request as the tenant's next version and returns it. */
    ResponsePolicy setNext(String tenantId, SetResponsePolicyRequest request, Instant setAt) {
        for (int attempt = 1; ; attempt++) {
            ResponsePolicy next = request.toPolicy(current(tenantId).version() + 1);
            try {
                policies.insertOne(new Document("_id", tenantId + "|" + next.version())
                        .append("tenantId", tenantId)
                        .append("version", next.version())
                        .append("setAt", java.util.Date.from(setAt))
                        .append("policy", DocumentMapper.toDocument(ResponsePolicyDetails.of(next))));
                return next;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                // another instance stored this version a moment ago: ours becomes the one after it
            }
        }
    }
}
