package io.trustline.notification.ops;

import static io.restassured.RestAssured.given;
import static io.trustline.testkit.TestIds.uniqueClient;
import static io.trustline.testkit.TestTenants.API_KEY_A;
import static io.trustline.testkit.TestTenants.API_KEY_B;
import static io.trustline.testkit.TestTenants.TENANT_A;
import static io.trustline.testkit.TestTenants.TENANT_B;
import static io.trustline.testkit.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import groovy.json.JsonBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.testkit.RequiresInfra;
import io.trustline.testkit.TrustlineInfraResource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /ops/lag} over the real app and broker: consumer groups whose committed offsets a plain consumer left
 * behind on a topic of the test's own, as a stopped subscriber would have.
 */
@QuarkusTest
@RequiresInfra
@WithTestResource(TrustlineInfraResource.class)
class OpsLagApiTest {

    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");

    @Test
    void aGroupBehind_showsItsLagPerPartition_andTheCallersUnappliedEventsByTypeClientAndAge() {
        String group = LaggingGroupFixture.trustlineGroup();
        String acme = uniqueClient();
        String bright = uniqueClient();
        String coral = uniqueClient();
        String othersClient = uniqueClient();
        try (LaggingGroupFixture kafka = new LaggingGroupFixture(2)) {
            kafka.issueReported(0, TENANT_A, acme, T0.minus(Duration.ofDays(1)));
            kafka.issueReported(0, TENANT_A, acme, T0.minus(Duration.ofDays(1)));
            kafka.issueReported(1, TENANT_A, bright, T0.minus(Duration.ofDays(1)));
            kafka.commit(group, Map.of(0, 2L, 1, 1L));
            // not applied yet: three on partition 0, two on partition 1; the oldest of A is not the first one
            kafka.issueReported(0, TENANT_A, acme, T0.plusSeconds(600));
            kafka.issueReported(0, TENANT_A, bright, T0);
            kafka.issueReported(0, TENANT_B, othersClient, T0.minus(Duration.ofHours(1)));
            kafka.expectationSet(1, TENANT_A, acme, T0.plusSeconds(300));
            kafka.issueReported(1, TENANT_A, coral, T0.plusSeconds(1200));

            JsonPath lag = lagOf(API_KEY_A, group);

            assertThat(lag.getString("groupId")).isEqualTo(group);
            assertThat(lag.getString("service")).isEqualTo("opslagtest");
            assertThat(lag.getString("state")).isEqualTo("EMPTY");
            assertThat(lag.getInt("members")).isZero();
            assertThat(lag.getLong("lag")).isEqualTo(5);
            assertThat(lag.getList("partitions", Map.class)).containsExactly(
                    Map.of("topic", kafka.topic, "partition", 0, "committedOffset", 2, "endOffset", 5, "lag", 3),
                    Map.of("topic", kafka.topic, "partition", 1, "committedOffset", 1, "endOffset", 3, "lag", 2));
            assertThat(lag.getBoolean("unapplied.complete")).isTrue();
            assertThat(lag.getLong("unapplied.events")).isEqualTo(4);
            assertThat(lag.getList("unapplied.byType", Map.class)).containsExactly(
                    Map.of("type", IntakeEventTypes.ISSUE_REPORTED, "count", 3),
                    Map.of("type", IntakeEventTypes.EXPECTATION_SET, "count", 1));
            assertThat(lag.getList("unapplied.clients", String.class)).containsExactlyElementsOf(
                    List.of(acme, bright, coral).stream().sorted().toList());
            assertThat(lag.getInt("unapplied.clientCount")).isEqualTo(3);
            assertThat(Instant.parse(lag.getString("unapplied.oldestEventTime"))).isEqualTo(T0);
            Instant measuredAt = Instant.parse(lag.getString("measuredAt"));
            assertThat(Duration.parse(lag.getString("unapplied.oldestEventAge")))
                    .isEqualTo(Duration.between(T0, measuredAt).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Test
    void anotherTenant_seesTheSamePartitionFigures_butNoneOfTheFirstTenantsEvents() {
        String group = LaggingGroupFixture.trustlineGroup();
        String theirs = uniqueClient();
        try (LaggingGroupFixture kafka = new LaggingGroupFixture(1)) {
            kafka.commit(group, Map.of(0, 0L));
            kafka.issueReported(0, TENANT_A, uniqueClient(), T0);
            kafka.expectationSet(0, TENANT_A, uniqueClient(), T0.minusSeconds(60));
            kafka.issueReported(0, TENANT_B, theirs, T0.plusSeconds(60));

            JsonPath ofA = lagOf(API_KEY_A, group);
            JsonPath ofB = lagOf(API_KEY_B, group);

            assertThat(ofB.getList("partitions", Map.class)).isEqualTo(ofA.getList("partitions", Map.class));
            assertThat(ofB.getLong("lag")).isEqualTo(3);
            assertThat(ofA.getLong("unapplied.events")).isEqualTo(2);
            assertThat(ofB.getLong("unapplied.events")).isEqualTo(1);
            assertThat(ofB.getList("unapplied.byType", Map.class))
                    .containsExactly(Map.of("type", IntakeEventTypes.ISSUE_REPORTED, "count", 1));
            assertThat(ofB.getList("unapplied.clients", String.class)).containsExactly(theirs);
            assertThat(Instant.parse(ofB.getString("unapplied.oldestEventTime"))).isEqualTo(T0.plusSeconds(60));
        }
    }

    @Test
    void aGroupWithNothingBehind_showsNoUnappliedEvents() {
        String group = LaggingGroupFixture.trustlineGroup();
        try (LaggingGroupFixture kafka = new LaggingGroupFixture(1)) {
            kafka.issueReported(0, TENANT_A, uniqueClient(), T0);
            kafka.commit(group, Map.of(0, 1L));

            JsonPath lag = lagOf(API_KEY_A, group);

            assertThat(lag.getLong("lag")).isZero();
            assertThat(lag.getLong("unapplied.events")).isZero();
            assertThat(lag.getBoolean("unapplied.complete")).isTrue();
            assertThat(lag.getString("unapplied.oldestEventTime")).isNull();
            assertThat(lag.getString("unapplied.oldestEventAge")).isNull();
        }
    }

    @Test
    void moreLaggingRecordsThanTheSampleLimit_areCountedUpToIt_andTheAnswerSaysSo() {
        // the test profile reads at most 40 records per request
        String group = LaggingGroupFixture.trustlineGroup();
        try (LaggingGroupFixture kafka = new LaggingGroupFixture(1)) {
            kafka.commit(group, Map.of(0, 0L));
            for (int i = 0; i < 45; i++) {
                kafka.issueReported(0, TENANT_A, uniqueClient(), T0.plusSeconds(i));
            }

            JsonPath answer = as(API_KEY_A).queryParam("group", group).get("/ops/lag")
                    .then().statusCode(200).extract().jsonPath();

            assertThat(answer.getInt("sample.limit")).isEqualTo(40);
            assertThat(answer.getInt("sample.recordsRead")).isEqualTo(40);
            assertThat(answer.getBoolean("sample.truncated")).isTrue();
            assertThat(answer.getString("sample.truncatedBy")).isEqualTo("SAMPLE_LIMIT");
            assertThat(answer.getLong("groups[0].lag")).isEqualTo(45);
            assertThat(answer.getBoolean("groups[0].unapplied.complete")).isFalse();
            assertThat(answer.getLong("groups[0].unapplied.events")).isEqualTo(40);
            assertThat(answer.getInt("groups[0].unapplied.clientCount")).isEqualTo(40);
            assertThat(Instant.parse(answer.getString("groups[0].unapplied.oldestEventTime"))).isEqualTo(T0);
        }
    }

    @Test
    void everyTrustlineGroupIsListed_theServicesOwnAmongThem_andNoOtherGroup() {
        String group = LaggingGroupFixture.trustlineGroup();
        String partnersGroup = "partner-tool-" + group;
        try (LaggingGroupFixture kafka = new LaggingGroupFixture(1)) {
            kafka.issueReported(0, TENANT_A, uniqueClient(), T0);
            kafka.commit(group, Map.of(0, 0L));
            kafka.commit(partnersGroup, Map.of(0, 0L));

            JsonPath all = await().atMost(Duration.ofSeconds(30)).until(
                    () -> as(API_KEY_A).get("/ops/lag").then().statusCode(200).extract().jsonPath(),
                    answer -> answer.getInt("groups.find { it.groupId == 'trustline-notification-webhook-delivery' }"
                            + ".members") >= 1);

            List<String> groupIds = all.getList("groups.groupId", String.class);
            assertThat(groupIds).contains(group).doesNotContain(partnersGroup).isSorted()
                    .allMatch(id -> id.startsWith("trustline-"));
            String delivery = "groups.find { it.groupId == 'trustline-notification-webhook-delivery' }";
            assertThat(all.getString(delivery + ".service")).isEqualTo("notification");
            assertThat(all.getString(delivery + ".state")).isEqualTo("STABLE");
            assertThat(all.getList(delivery + ".partitions.topic", String.class))
                    .allMatch(topic -> List.of("trustline.intake.v1", "trustline.incident.v1").contains(topic));
            assertThat(all.getLong("groups.find { it.groupId == '" + group + "' }.lag")).isEqualTo(1);
        }
    }

    @Test
    void anUnknownGroup_is404() {
        as(API_KEY_A).queryParam("group", LaggingGroupFixture.trustlineGroup()).get("/ops/lag")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aGroupParameterThatIsNoTrustlineGroupId_is400_namingIt() {
        for (String bad : List.of("partner-tool", "trustline-", "trustline-a b", "trustline-" + "x".repeat(240))) {
            as(API_KEY_A).queryParam("group", bad).get("/ops/lag")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("group"));
        }
    }

    @Test
    void withoutAnApiKey_is401() {
        given().when().get("/ops/lag").then().statusCode(401);
    }

    @Test
    void theOpenApi_documentsTheAnswer_theGroupPattern_andRetryAfter() {
        JsonPath api = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String get = "paths.'/ops/lag'.get";
        assertThat(api.getString(get + ".parameters.find { it.name == 'group' }.schema.pattern"))
                .isEqualTo("trustline-[A-Za-z0-9._-]+");
        assertThat(api.getMap(get + ".responses.'503'.headers")).containsKey("Retry-After");
        assertThat(api.getMap(get + ".responses.'503'.content.'application/problem+json'.schema")).isNotEmpty();
        assertThat(api.getList("components.schemas.OpsLag.examples[0].groups")).isNotEmpty();
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", bearer(apiKey)).when();
    }

    /** {@code GET /ops/lag?group=}: the group's entry, with the answer's {@code measuredAt} added. */
    private static JsonPath lagOf(String apiKey, String group) {
        JsonPath answer = as(apiKey).queryParam("group", group).get("/ops/lag").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("groups.groupId")).containsExactly(group);
        assertThat(answer.getBoolean("sample.truncated")).isFalse();
        Map<String, Object> entry = new HashMap<>(answer.getMap("groups[0]"));
        entry.put("measuredAt", answer.getString("measuredAt"));
        return JsonPath.from(new JsonBuilder(entry).toString());
    }
}
