package io.trustline.incident.incident;

import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant PLANNED = Instant.parse("2026-03-02T08:55:00Z");
    private static final IncidentOpened OPENED = new IncidentOpened("issue-1", "tenant-a", "acme", "Payroll down", REPORTED);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void aReportedIssue_opensAnIncident() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident("issue-1", "tenant-a", "acme", "Payroll down", REPORTED))
                .expectEvents(OPENED);
    }

    @Test
    void openingAnOpenIncidentAgain_changesNothing() {
        fixture.given(OPENED)
                .when(new OpenIncident("issue-1", "tenant-a", "acme", "Payroll down", REPORTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openingAnotherTenantsIncident_isRejectedAsUnknown() {
        fixture.given(OPENED)
                .when(new OpenIncident("issue-1", "tenant-b", "acme", "Payroll down", REPORTED))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void anActionPlan_isIssuedForTheIncidentsClient() {
        fixture.given(OPENED)
                .when(new IssueActionPlan("issue-1", "tenant-a", List.of("restart VM"), "Sam", null, PLANNED))
                .expectEvents(new ActionPlanIssued("issue-1", "tenant-a", "acme", List.of("restart VM"), "Sam", null, PLANNED));
    }

    @Test
    void actionPlan_isRejectedAsUnknown_forAnotherTenant() {
        fixture.given(OPENED)
                .when(new IssueActionPlan("issue-1", "tenant-b", List.of("restart VM"), "Sam", null, PLANNED))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void actionPlan_isRejected_whenNoIncidentWasOpened() {
        fixture.givenNoPriorActivity()
                .when(new IssueActionPlan("issue-9", "tenant-a", List.of("restart VM"), "Sam", null, PLANNED))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
