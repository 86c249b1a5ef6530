package io.trustline.relationship.timeline;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import java.util.UUID;

/**
 * The CloudEvent id of a derived event: a name-based UUID (version 5, SHA-1) of tenant, client, causing event, model
 * and event type. Scoring the same event again — a redelivery, a restart, a retry after a failed send — gives the
 * same id, so consumers that de-duplicate by id see one event however often it is published.
 */
final class DerivedEventIds {

    // fixed for good: another namespace would give every derived event already published a second id
    private static final UUID NAMESPACE = UUID.fromString("b7c3671b-3e77-4713-93de-eb555cd530f9");
    private static final NameBasedGenerator V5 = Generators.nameBasedGenerator(NAMESPACE);

    private DerivedEventIds() {
    }

    static String of(String tenantId, String clientId, String causeEventId, String modelId, String type) {
        // '|' appears in none of the parts (client ids are [A-Za-z0-9._:-]), so two different tuples never join alike
        return V5.generate(String.join("|", tenantId, clientId, causeEventId, modelId, type)).toString();
    }
}
