package io.trustline.incident.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.ExpectationDimension;
import io.trustline.incident.api.Party;
import io.trustline.incident.api.PsaTool;
import io.trustline.incident.api.ResponsePhase;
import io.trustline.testkit.golden.GoldenJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import io.trustline.platform.json.TrustlineJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freezes the JSON of every stored {@link IncidentEvent} as the event store writes it ({@code golden/stored/}).
 * Replay reads these back years later, so a failure here is never fixed by rewriting the file: bump the
 * event's {@code @Revision} and write an upcaster from the old file's shape.
 */
class StoredIncidentEventsGoldenTest {

    private static final String ISSUE_ID = "0195a3c2-7d1e-7b3a-9f10-2c5e8b1d4a77";

    private static IncidentEvent.PsaOrigin fromPsa(String noteKey) {
        return new IncidentEvent.PsaOrigin(PsaTool.CONNECTWISE, "104233", Instant.parse("2026-03-02T09:05:12Z"), noteKey);
    }

    @Test
    void incidentOpened_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IncidentEvent.IncidentOpened(ISSUE_ID, "northwind-it", "acme-dental",
                "Payroll server unreachable", Instant.parse("2026-03-02T08:15:02.418Z")));
    }

    @Test
    void actionPlanIssued_keepsItsStoredJson_orNeedsAnUpcaster() {
        GoldenJson.assertMatchesStoredGolden(new IncidentEvent.ActionPlanIssued(ISSUE_ID, "northwind-it", "acme-dental",
                List.of("Restart the payroll database service on PAYROLL-01", "Run a test payroll export with Dana"),
                "Priya Natarajan", Instant.parse("2026-03-02T11:00:00Z"), Instant.parse("2026-03-02T08:52:00Z"),
                fromPsa("sent:2026-03-02T08:52:00Z:Restart the payroll database service")));
    }

    static Stream<IncidentEvent> lifecycleEvents() {
        return Stream.of(
                new IncidentEvent.IssueAcknowledged(ISSUE_ID, "northwind-it", "acme-dental", "Priya Natarajan",
                        "I will call Dana within 30 minutes.", Instant.parse("2026-03-02T08:21:40Z"), fromPsa(null)),
                new IncidentEvent.ActionPlanCompleted(ISSUE_ID, "northwind-it", "acme-dental",
                        "The test export ran with Dana.", Instant.parse("2026-03-02T10:50:00Z")),
                new IncidentEvent.ProactiveUpdateSent(ISSUE_ID, "northwind-it", "acme-dental",
                        "The database service is running again.", Channel.PSA_NOTE, 1, Instant.parse("2026-03-02T09:30:00Z"),
                        fromPsa("id:88412")),
                new IncidentEvent.ClientChasedUpdate(ISSUE_ID, "northwind-it", "acme-dental", Channel.PHONE,
                        "Will payroll be ready for 11:00?", 2, Instant.parse("2026-03-02T10:40:00Z")),
                new IncidentEvent.ServiceDisruptionAdmitted(ISSUE_ID, "northwind-it", "acme-dental",
                        Discovery.DISCOVERED_BY_CLIENT, "Our patch run restarted PAYROLL-01.",
                        Instant.parse("2026-03-02T08:58:00Z")),
                new IncidentEvent.MiscommunicationRecorded(ISSUE_ID, "northwind-it", "acme-dental",
                        "Fixed meant reachable, not tested.", Party.PROVIDER, Instant.parse("2026-03-02T10:45:00Z")),
                new IncidentEvent.IssueResolved(ISSUE_ID, "northwind-it", "acme-dental",
                        "The database service starts automatically again.", Instant.parse("2026-03-02T10:52:00Z"),
                        fromPsa(null)),
                new IncidentEvent.ResolutionConfirmed(ISSUE_ID, "northwind-it", "acme-dental", false,
                        List.of(new AcceptanceCheckResult("Payroll export reaches the bank", true),
                                new AcceptanceCheckResult("Everyone can open the payroll app", false)),
                        "Two people still cannot log in.", Instant.parse("2026-03-02T11:20:00Z")),
                new IncidentEvent.ResponseTargetsSet(ISSUE_ID, "northwind-it", "acme-dental",
                        Instant.parse("2026-03-02T08:30:02.418Z"), Instant.parse("2026-03-02T09:15:02.418Z"),
                        Duration.ofMinutes(45), Instant.parse("2026-03-03T12:00:00Z"), 3,
                        Instant.parse("2026-03-02T08:21:30Z")),
                new IncidentEvent.IssueReopened(ISSUE_ID, "northwind-it", "acme-dental",
                        "Two people still cannot log in.", Instant.parse("2026-03-02T11:25:00Z"), fromPsa(null)),
                new IncidentEvent.ResponseTargetMissed(ISSUE_ID, "northwind-it", "acme-dental", ResponsePhase.PLAN,
                        Instant.parse("2026-03-02T09:15:02.418Z")),
                new IncidentEvent.ProactiveUpdateOverdue(ISSUE_ID, "northwind-it", "acme-dental",
                        Instant.parse("2026-03-02T08:21:40Z"), Duration.ofMinutes(45),
                        Instant.parse("2026-03-02T09:06:40Z")),
                new IncidentEvent.ExpectationMet(ISSUE_ID, "northwind-it", "acme-dental",
                        Instant.parse("2026-03-03T12:00:00Z"), Instant.parse("2026-03-02T10:52:00Z"),
                        Instant.parse("2026-03-02T11:20:00Z")),
                new IncidentEvent.ExpectationMissed(ISSUE_ID, "northwind-it", "acme-dental",
                        List.of(ExpectationDimension.WHEN, ExpectationDimension.HOW),
                        Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:52:00Z"),
                        Instant.parse("2026-03-02T11:20:00Z")));
    }

    @ParameterizedTest
    @MethodSource("lifecycleEvents")
    void lifecycleEvent_keepsItsStoredJson_orNeedsAnUpcaster(IncidentEvent event) {
        GoldenJson.assertMatchesStoredGolden(event);
    }

    /** Revision 1, stored before a moment could come from a PSA, as the event store keeps it: read with no source. */
    static Stream<Arguments> revisionOneEvents() {
        return Stream.of(
                Arguments.of(IncidentEvent.IssueAcknowledged.class, new IncidentEvent.IssueAcknowledged(ISSUE_ID,
                        "northwind-it", "acme-dental", "Priya Natarajan", "I will call Dana within 30 minutes.",
                        Instant.parse("2026-03-02T08:21:40Z"), null)),
                Arguments.of(IncidentEvent.ActionPlanIssued.class, new IncidentEvent.ActionPlanIssued(ISSUE_ID,
                        "northwind-it", "acme-dental", List.of("Restart the payroll database service on PAYROLL-01",
                                "Run a test payroll export with Dana"), "Priya Natarajan",
                        Instant.parse("2026-03-02T11:00:00Z"), Instant.parse("2026-03-02T08:52:00Z"), null)),
                Arguments.of(IncidentEvent.ProactiveUpdateSent.class, new IncidentEvent.ProactiveUpdateSent(ISSUE_ID,
                        "northwind-it", "acme-dental", "The database service is running again.", Channel.EMAIL, 1,
                        Instant.parse("2026-03-02T09:30:00Z"), null)),
                Arguments.of(IncidentEvent.IssueResolved.class, new IncidentEvent.IssueResolved(ISSUE_ID,
                        "northwind-it", "acme-dental", "The database service starts automatically again.",
                        Instant.parse("2026-03-02T10:52:00Z"), null)),
                Arguments.of(IncidentEvent.IssueReopened.class, new IncidentEvent.IssueReopened(ISSUE_ID,
                        "northwind-it", "acme-dental", "Two people still cannot log in.",
                        Instant.parse("2026-03-02T11:25:00Z"), null)));
    }

    /**
     * Revision 2 only added the optional source, so revision 1 needs no upcaster: the event store's serializer
     * reads it by class name and leaves the missing field null, which is what an upcaster would have written.
     */
    @ParameterizedTest
    @MethodSource("revisionOneEvents")
    void revisionOneEvent_isStillRead_withoutASource(Class<?> type, IncidentEvent expected) throws Exception {
        String name = "stored/IncidentEvent." + type.getSimpleName() + ".v1";
        Serializer store = JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build();
        SimpleSerializedObject<String> stored = new SimpleSerializedObject<>(
                GoldenJson.mapper().writeValueAsString(GoldenJson.tree(name)), String.class, type.getName(), "1");

        Object read = store.deserialize(stored);

        assertThat(read).isEqualTo(expected);
    }
}
