package io.trustline.incident.intake;

import static io.restassured.RestAssured.given;
import static io.trustline.incident.intake.IntakeEvents.issueReported;
import static io.trustline.incident.intake.IntakeEvents.publishIssueReported;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IntakeTopics;
import io.trustline.testkit.KafkaTestTopics;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class IntakeEventsConsumerTest {

    @Test
    void aRecordThatIsNoCloudEvent_movesToTheDeadLetterTopic_andLaterEventsStillFlow() {
        String clientId = uniqueClient();
        String key = TENANT_A + ":" + clientId;
        KafkaTestTopics.publishRaw(IntakeTopics.EVENTS, key, "this is not JSON".getBytes(StandardCharsets.UTF_8),
                List.of(new RecordHeader("origin", "a misconfigured producer".getBytes(StandardCharsets.UTF_8))));
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);

        ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON");
        assertThat(KafkaTestTopics.header(dead, "origin")).isEqualTo("a misconfigured producer");
        assertThat(KafkaTestTopics.header(dead, "trustline_original_topic")).isEqualTo(IntakeTopics.EVENTS);
        assertThat(KafkaTestTopics.header(dead, "trustline_subscriber")).isEqualTo("intake-events");
        assertThat(KafkaTestTopics.header(dead, "trustline_error_class")).isNotBlank();
        awaitIncident(issueId);
    }

    @Test
    void anEventItsHandlerKeepsRejecting_isRetried_thenDeadLettered_withTheError() {
        String clientId = uniqueClient();
        String key = TENANT_A + ":" + clientId;
        // intake's event without the issue id: the handler fails on every attempt
        KafkaTestTopics.publishEvent(IntakeTopics.EVENTS, UUID.randomUUID().toString(), IntakeEventTypes.ISSUE_REPORTED,
                issueReported(clientId, "never-read").without("issueId"));
        String issueId = UUID.randomUUID().toString();
        publishIssueReported(clientId, issueId);

        ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
        assertThat(KafkaTestTopics.header(dead, "ce_type")).isEqualTo(IntakeEventTypes.ISSUE_REPORTED);
        assertThat(KafkaTestTopics.header(dead, "trustline_attempts")).isEqualTo("5");
        assertThat(KafkaTestTopics.header(dead, "trustline_error_message")).contains("issueId");
        awaitIncident(issueId);
    }

    private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
        return KafkaTestTopics.awaitRecords(IntakeTopics.DEAD_LETTERS,
                        records -> records.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static void awaitIncident(String issueId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(API_KEY_A)).when().get("/incidents/" + issueId)
                        .then().statusCode(200));
    }
}
