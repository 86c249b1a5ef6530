package io.trustline.relationship.timeline;

import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.ExpectationSet;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.relationship.api.ChurnRiskRaised;
import io.trustline.relationship.api.RelationshipEventTypes;
import io.trustline.relationship.api.RelationshipTopics;
import io.trustline.relationship.api.TrustChanged;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import io.trustline.testkit.golden.GoldenJson;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Live events on Kafka that move a client's standing come out on the service's topic as derived events. */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class DerivedEventsPublishingTest {

    @Inject
    ScoredTimelineProjection projection;
    @Inject
    ClientEvents clientEvents;

    @Test
    void anEventThatMovesTrust_isPublishedOnceAsTrustChanged_andItsRedeliveryAddsNoSecondId() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        String expectationId = issue.expect();

        List<ConsumerRecord<String, CloudEvent>> derived = awaitDerived(issue.clientId, causedBy(expectationId));

        ConsumerRecord<String, CloudEvent> record = derived.stream()
                .filter(each -> causeOf(each.value()).equals(expectationId)).findFirst().orElseThrow();
        CloudEvent event = record.value();
        assertThat(event.getType()).isEqualTo(RelationshipEventTypes.TRUST_CHANGED);
        assertThat(event.getSource()).hasToString("/trustline/relationship");
        assertThat(event.getSubject()).isEqualTo(issue.clientId);
        assertThat(event.getExtension("tenantid")).isEqualTo(TENANT_A);
        assertThat(record.key()).isEqualTo(TENANT_A + ":" + issue.clientId);
        TrustChanged changed = read(event, TrustChanged.class);
        assertThat(changed.trust()).isEqualTo(52.0);
        assertThat(changed.delta()).isEqualTo(2.0);
        assertThat(changed.occurredAt()).isEqualTo(Instant.parse("2026-03-02T08:21:30Z"));
        assertThat(changed.changes()).singleElement().satisfies(change -> {
            assertThat(change.rule()).isEqualTo("001.expectations-first");
            assertThat(change.sentence()).startsWith("+2 trust: expectations agreed before work started");
            assertThat(change.eventId()).isEqualTo(expectationId);
        });

        issue.publish(IntakeTopics.EVENTS, expectationId, IntakeEventTypes.EXPECTATION_SET, ExpectationSet.class);
        String planId = issue.plan();

        List<ConsumerRecord<String, CloudEvent>> after = awaitDerived(issue.clientId, causedBy(planId));
        assertThat(after).filteredOn(each -> causeOf(each.value()).equals(expectationId))
                .extracting(each -> each.value().getId()).containsOnly(event.getId());
    }

    @Test
    void anEventThatChangesNothing_publishesNothing() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        String reportId = issue.report();
        String expectationId = issue.expect();

        List<ConsumerRecord<String, CloudEvent>> derived = awaitDerived(issue.clientId, causedBy(expectationId));

        assertThat(derived).extracting(each -> causeOf(each.value())).doesNotContain(reportId);
    }

    @Test
    void aSendThatFailsAfterScoring_isRetriedWithTheEvent_underTheSameIds() {
        CatalogIssue issue = new CatalogIssue(uniqueClient());
        issue.report();
        await().atMost(Duration.ofSeconds(30)).until(() -> clientEvents.all(TENANT_A, issue.clientId).size() == 1);
        String expectationId = CatalogIssue.nextEventId();
        ClientEvent expectation = new ClientEvent.ExpectationSet(expectationId, Instant.parse("2026-03-02T08:21:30Z"),
                issue.issueId, ClientEvent.Scope.EVERYONE, ClientEvent.Impact.STOPPED,
                Instant.parse("2026-03-03T12:00:00Z"));
        List<String> idsOfTheFailedAttempt = new ArrayList<>();

        assertThatThrownBy(() -> projection.apply(TENANT_A, issue.clientId, expectation, scored -> {
            DerivedEvents.of(scored).forEach(derived -> idsOfTheFailedAttempt.add(derived.id()));
            throw new IllegalStateException("the broker went away before acknowledging");
        })).hasMessageContaining("broker went away");
        assertThat(clientEvents.all(TENANT_A, issue.clientId)).extracting(ClientEvent::eventId)
                .as("nothing written when the send fails").doesNotContain(expectationId);

        issue.publish(IntakeTopics.EVENTS, expectationId, IntakeEventTypes.EXPECTATION_SET, ExpectationSet.class);

        assertThat(awaitDerived(issue.clientId, causedBy(expectationId)))
                .filteredOn(each -> causeOf(each.value()).equals(expectationId))
                .extracting(each -> each.value().getId()).hasSize(1).isEqualTo(idsOfTheFailedAttempt);
    }

    @Test
    void missesRepeatedWithinAMonth_raiseTheChurnRisk_namingTheMisses() {
        String clientId = uniqueClient();
        CatalogIssue first = new CatalogIssue(clientId);
        CatalogIssue second = new CatalogIssue(clientId, Duration.ofDays(2));
        List<String> misses = new ArrayList<>();
        // one at a time: events of two topics otherwise arrive in any order, and the level rises where they say
        for (CatalogIssue issue : List.of(first, second)) {
            storedOneByOne(clientId, issue::report);
            storedOneByOne(clientId, issue::expect);
            misses.add(storedOneByOne(clientId, issue::miss));
        }

        List<ConsumerRecord<String, CloudEvent>> derived = awaitDerived(clientId, causedBy(misses.get(1))
                .and(records -> records.stream().anyMatch(each -> each.value().getType().equals(RelationshipEventTypes.CHURN_RISK_RAISED))));

        ChurnRiskRaised raised = derived.stream().map(ConsumerRecord::value)
                .filter(event -> event.getType().equals(RelationshipEventTypes.CHURN_RISK_RAISED))
                .map(event -> read(event, ChurnRiskRaised.class))
                .filter(each -> each.causeEventId().equals(misses.get(1)))
                .findFirst().orElseThrow();
        assertThat(raised.level()).isGreaterThan(raised.previousLevel());
        assertThat(raised.causes()).anySatisfy(cause -> {
            assertThat(cause.kind()).isEqualTo("REPEATED_MISSES");
            assertThat(cause.eventIds()).containsExactlyElementsOf(misses);
        });
    }

    private String storedOneByOne(String clientId, Supplier<String> publish) {
        int stored = clientEvents.all(TENANT_A, clientId).size();
        String eventId = publish.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> clientEvents.all(TENANT_A, clientId).size() > stored);
        return eventId;
    }

    /** The derived events of the client on the service's topic, once the condition holds for them. */
    private static List<ConsumerRecord<String, CloudEvent>> awaitDerived(
            String clientId, Predicate<List<ConsumerRecord<String, CloudEvent>>> condition) {
        Predicate<ConsumerRecord<String, CloudEvent>> derivedOfClient = record -> clientId.equals(record.value().getSubject())
                && RelationshipEventTypes.DERIVED.contains(record.value().getType());
        List<ConsumerRecord<String, CloudEvent>> read = KafkaTestTopics.awaitEvents(RelationshipTopics.EVENTS,
                records -> condition.test(records.stream().filter(derivedOfClient).toList()));
        return read.stream().filter(derivedOfClient).toList();
    }

    private static Predicate<List<ConsumerRecord<String, CloudEvent>>> causedBy(String eventId) {
        return records -> records.stream().anyMatch(record -> causeOf(record.value()).equals(eventId));
    }

    private static String causeOf(CloudEvent event) {
        return read(event, JsonNode.class).path("causeEventId").asText();
    }

    private static <T> T read(CloudEvent event, Class<T> type) {
        try {
            return GoldenJson.mapper().readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
