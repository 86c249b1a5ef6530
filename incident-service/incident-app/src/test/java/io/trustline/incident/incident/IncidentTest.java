package io.trustline.incident.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.trustline.incident.api.AcceptanceCheckResult;
import io.trustline.incident.api.Channel;
import io.trustline.incident.api.Discovery;
import io.trustline.incident.api.Party;
import io.trustline.incident.incident.IncidentCommand.AcknowledgeIssue;
import io.trustline.incident.incident.IncidentCommand.AdmitServiceDisruption;
import io.trustline.incident.incident.IncidentCommand.CompleteActionPlan;
import io.trustline.incident.incident.IncidentCommand.ConfirmResolution;
import io.trustline.incident.incident.IncidentCommand.IssueActionPlan;
import io.trustline.incident.incident.IncidentCommand.OpenIncident;
import io.trustline.incident.incident.IncidentCommand.RecordClientChase;
import io.trustline.incident.incident.IncidentCommand.RecordMiscommunication;
import io.trustline.incident.incident.IncidentCommand.ReopenIssue;
import io.trustline.incident.incident.IncidentCommand.ResolveIssue;
import io.trustline.incident.incident.IncidentCommand.SendProactiveUpdate;
import io.trustline.incident.incident.IncidentCommand.SetResponseTargets;
import io.trustline.incident.incident.IncidentEvent.ActionPlanCompleted;
import io.trustline.incident.incident.IncidentEvent.ActionPlanIssued;
import io.trustline.incident.incident.IncidentEvent.ClientChasedUpdate;
import io.trustline.incident.incident.IncidentEvent.IncidentOpened;
import io.trustline.incident.incident.IncidentEvent.IssueAcknowledged;
import io.trustline.incident.incident.IncidentEvent.IssueReopened;
import io.trustline.incident.incident.IncidentEvent.IssueResolved;
import io.trustline.incident.incident.IncidentEvent.MiscommunicationRecorded;
import io.trustline.incident.incident.IncidentEvent.ProactiveUpdateSent;
import io.trustline.incident.incident.IncidentEvent.ResolutionConfirmed;
import io.trustline.incident.incident.IncidentEvent.ResponseTargetsSet;
import io.trustline.incident.incident.IncidentEvent.ServiceDisruptionAdmitted;
import io.trustline.platform.command.IdempotencyKeyReusedException;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.CommandNotAllowed;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T08:55:00Z");
    private static final IncidentOpened OPENED = new IncidentOpened("issue-1", "tenant-a", "acme", "Payroll down", REPORTED);
    private static final ActionPlanIssued PLANNED = new ActionPlanIssued("issue-1", "tenant-a", "acme",
            List.of("restart VM"), "Sam", null, NOW, null);
    private static final IssueResolved RESOLVED = new IssueResolved("issue-1", "tenant-a", "acme", "VM restarted", NOW, null);
    private static final ResolutionConfirmed CONFIRMED = new ResolutionConfirmed("issue-1", "tenant-a", "acme", true,
            List.of(new AcceptanceCheckResult("payroll runs", true)), null, NOW);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        // as AxonRuntime configures it: the key and fingerprint of a command go onto the events it stores
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(IdempotentCommands.correlationData()));
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

    private static SetResponseTargets targets(Instant clientResolveBy, int policyVersion) {
        return new SetResponseTargets("issue-1", "tenant-a", Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofMinutes(45), Duration.ofHours(4), clientResolveBy, policyVersion, REPORTED);
    }

    @Test
    void responseTargets_areCountedFromTheReport_withTheClientsOwnResolveBy() {
        Instant clientResolveBy = Instant.parse("2026-03-03T12:00:00Z");
        fixture.given(OPENED)
                .when(targets(clientResolveBy, 3))
                .expectEvents(new ResponseTargetsSet("issue-1", "tenant-a", "acme", Instant.parse("2026-03-02T08:30:00Z"),
                        Instant.parse("2026-03-02T09:15:00Z"), Duration.ofMinutes(45), clientResolveBy, 3, REPORTED));
    }

    @Test
    void responseTargets_resolveWithinThePolicysTime_whenTheClientGaveNoDeadline() {
        fixture.given(OPENED)
                .when(targets(null, 0))
                .expectEvents(new ResponseTargetsSet("issue-1", "tenant-a", "acme", Instant.parse("2026-03-02T08:30:00Z"),
                        Instant.parse("2026-03-02T09:15:00Z"), Duration.ofMinutes(45),
                        Instant.parse("2026-03-02T12:15:00Z"), 0, REPORTED));
    }

    @Test
    void theSameResponseTargetsAgain_recordNothing() {
        fixture.given(OPENED)
                .andGivenCommands(targets(null, 2))
                .when(targets(null, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void responseTargetsFromAnotherPolicyVersion_areRecordedAgain() {
        fixture.given(OPENED)
                .andGivenCommands(targets(null, 2))
                .when(targets(null, 3))
                .expectEvents(new ResponseTargetsSet("issue-1", "tenant-a", "acme", Instant.parse("2026-03-02T08:30:00Z"),
                        Instant.parse("2026-03-02T09:15:00Z"), Duration.ofMinutes(45),
                        Instant.parse("2026-03-02T12:15:00Z"), 3, REPORTED));
    }

    @Test
    void responseTargets_areRejectedAsUnknown_forAnotherTenant() {
        fixture.given(OPENED)
                .when(new SetResponseTargets("issue-1", "tenant-b", Duration.ofMinutes(15), Duration.ofHours(1),
                        Duration.ofMinutes(45), Duration.ofHours(4), null, 0, REPORTED))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void anActionPlan_isIssuedForTheIncidentsClient() {
        fixture.given(OPENED)
                .when(new IssueActionPlan("issue-1", "tenant-a", List.of("restart VM"), "Sam", null, null, NOW))
                .expectEvents(PLANNED);
    }

    @Test
    void actionPlan_isRejectedAsUnknown_forAnotherTenant() {
        fixture.given(OPENED)
                .when(new IssueActionPlan("issue-1", "tenant-b", List.of("restart VM"), "Sam", null, null, NOW))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void actionPlan_isRejected_whenNoIncidentWasOpened() {
        fixture.givenNoPriorActivity()
                .when(new IssueActionPlan("issue-9", "tenant-a", List.of("restart VM"), "Sam", null, null, NOW))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void actionPlan_isRefused_whenTheIssueIsResolved() {
        fixture.given(OPENED, RESOLVED)
                .when(new IssueActionPlan("issue-1", "tenant-a", List.of("restart VM"), "Sam", null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(containsString("IssueActionPlan is not allowed: the issue is already resolved."))
                .expectNoEvents();
    }

    @Test
    void anOpenIncident_isAcknowledged() {
        fixture.given(OPENED)
                .when(new AcknowledgeIssue("issue-1", "tenant-a", "Sam", "on it", null, NOW))
                .expectEvents(new IssueAcknowledged("issue-1", "tenant-a", "acme", "Sam", "on it", NOW, null));
    }

    @Test
    void acknowledgingTwice_isRefused_namingTheStateAndWhatIsAllowed() {
        fixture.given(OPENED, new IssueAcknowledged("issue-1", "tenant-a", "acme", "Sam", null, NOW, null))
                .when(new AcknowledgeIssue("issue-1", "tenant-a", "Sam", null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(equalTo("AcknowledgeIssue is not allowed: the issue was already acknowledged. "
                        + "State: OPEN; allowed now: IssueActionPlan, SendProactiveUpdate, RecordClientChase, "
                        + "AdmitServiceDisruption, RecordMiscommunication, ResolveIssue."))
                .expectNoEvents();
    }

    @Test
    void acknowledging_isRefused_afterTheResolutionWasConfirmed() {
        fixture.given(OPENED, RESOLVED, CONFIRMED)
                .when(new AcknowledgeIssue("issue-1", "tenant-a", "Sam", null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(equalTo("AcknowledgeIssue is not allowed: the client already confirmed the "
                        + "resolution; reopen the incident first. State: CONFIRMED; allowed now: ReopenIssue."))
                .expectNoEvents();
    }

    @Test
    void anIssuedPlan_isCompleted() {
        fixture.given(OPENED, PLANNED)
                .when(new CompleteActionPlan("issue-1", "tenant-a", "done", null, NOW))
                .expectEvents(new ActionPlanCompleted("issue-1", "tenant-a", "acme", "done", NOW));
    }

    @Test
    void completingAPlan_isRefused_whenNoneWasIssued() {
        fixture.given(OPENED)
                .when(new CompleteActionPlan("issue-1", "tenant-a", null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(containsString("no action plan is outstanding"))
                .expectNoEvents();
    }

    @Test
    void completingAPlan_isRefused_whenTheLatestWasAlreadyCompleted() {
        fixture.given(OPENED, PLANNED, new ActionPlanCompleted("issue-1", "tenant-a", "acme", null, NOW))
                .when(new CompleteActionPlan("issue-1", "tenant-a", null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void completingAPlan_isAllowed_afterResolution() {
        fixture.given(OPENED, PLANNED, RESOLVED)
                .when(new CompleteActionPlan("issue-1", "tenant-a", null, null, NOW))
                .expectEvents(new ActionPlanCompleted("issue-1", "tenant-a", "acme", null, NOW));
    }

    @Test
    void proactiveUpdates_areNumberedPerIncident() {
        fixture.given(OPENED, new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "working on it", Channel.EMAIL, 1, NOW, null))
                .when(new SendProactiveUpdate("issue-1", "tenant-a", "nearly there", Channel.PHONE, null, NOW))
                .expectEvents(new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "nearly there", Channel.PHONE, 2, NOW, null));
    }

    @Test
    void aProactiveUpdate_isAllowed_whenTheIssueIsResolved() {
        fixture.given(OPENED, RESOLVED)
                .when(new SendProactiveUpdate("issue-1", "tenant-a", "please check payroll", Channel.PORTAL, null, NOW))
                .expectEvents(new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "please check payroll",
                        Channel.PORTAL, 1, NOW, null));
    }

    @Test
    void aProactiveUpdate_isRefused_afterTheResolutionWasConfirmed() {
        fixture.given(OPENED, RESOLVED, CONFIRMED)
                .when(new SendProactiveUpdate("issue-1", "tenant-a", "all good", Channel.EMAIL, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aClientsChase_isRecorded_numberedPerIncident() {
        fixture.given(OPENED)
                .when(new RecordClientChase("issue-1", "tenant-a", Channel.PHONE, "any news?", null, NOW))
                .expectEvents(new ClientChasedUpdate("issue-1", "tenant-a", "acme", Channel.PHONE, "any news?", 1, NOW));
    }

    @Test
    void aClientsChase_isRefused_afterTheResolutionWasConfirmed() {
        fixture.given(OPENED, RESOLVED, CONFIRMED)
                .when(new RecordClientChase("issue-1", "tenant-a", Channel.PHONE, "any news?", null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aDisruption_isAdmitted_whileOpen() {
        fixture.given(OPENED)
                .when(new AdmitServiceDisruption("issue-1", "tenant-a", Discovery.DISCOVERED_BY_CLIENT,
                        "our patch took payroll down", null, NOW))
                .expectEvents(new ServiceDisruptionAdmitted("issue-1", "tenant-a", "acme", Discovery.DISCOVERED_BY_CLIENT,
                        "our patch took payroll down", NOW));
    }

    @Test
    void aMiscommunication_isRecorded_whenResolved() {
        fixture.given(OPENED, RESOLVED)
                .when(new RecordMiscommunication("issue-1", "tenant-a", "fixed meant the VM, not payroll", Party.BOTH,
                        null, NOW))
                .expectEvents(new MiscommunicationRecorded("issue-1", "tenant-a", "acme", "fixed meant the VM, not payroll",
                        Party.BOTH, NOW));
    }

    @Test
    void anOpenIssue_isResolved() {
        fixture.given(OPENED)
                .when(new ResolveIssue("issue-1", "tenant-a", "VM restarted", null, NOW))
                .expectEvents(RESOLVED);
    }

    @Test
    void resolvingTwice_isRefused() {
        fixture.given(OPENED, RESOLVED)
                .when(new ResolveIssue("issue-1", "tenant-a", "VM restarted", null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(equalTo("ResolveIssue is not allowed: the issue is already resolved. "
                        + "State: RESOLVED; allowed now: SendProactiveUpdate, RecordClientChase, AdmitServiceDisruption, "
                        + "RecordMiscommunication, ConfirmResolution, ReopenIssue."))
                .expectNoEvents();
    }

    @Test
    void resolving_isRejectedAsUnknown_forAnotherTenant() {
        fixture.given(OPENED)
                .when(new ResolveIssue("issue-1", "tenant-b", "VM restarted", null, NOW))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void confirming_isRefused_beforeResolution() {
        fixture.given(OPENED)
                .when(new ConfirmResolution("issue-1", "tenant-a", true, List.of(), null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(containsString("ConfirmResolution is not allowed: the issue is not resolved."))
                .expectNoEvents();
    }

    @Test
    void aResolution_isConfirmed_checkByCheck() {
        fixture.given(OPENED, RESOLVED)
                .when(new ConfirmResolution("issue-1", "tenant-a", true,
                        List.of(new AcceptanceCheckResult("payroll runs", true)), null, null, NOW))
                .expectEvents(CONFIRMED);
    }

    @Test
    void confirmingTwice_isRefused() {
        fixture.given(OPENED, RESOLVED, CONFIRMED)
                .when(new ConfirmResolution("issue-1", "tenant-a", false, List.of(), null, null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void reopening_isRefused_whenTheIncidentIsOpen() {
        fixture.given(OPENED)
                .when(new ReopenIssue("issue-1", "tenant-a", "still down", null, NOW))
                .expectException(CommandNotAllowed.class)
                .expectExceptionMessage(containsString("ReopenIssue is not allowed: the incident is open."))
                .expectNoEvents();
    }

    @Test
    void aConfirmedIncident_isReopened() {
        fixture.given(OPENED, RESOLVED, CONFIRMED)
                .when(new ReopenIssue("issue-1", "tenant-a", "payroll failed again", null, NOW))
                .expectEvents(new IssueReopened("issue-1", "tenant-a", "acme", "payroll failed again", NOW, null));
    }

    @Test
    void aReopenedIncident_canBeResolvedAgain() {
        fixture.given(OPENED, RESOLVED, new IssueReopened("issue-1", "tenant-a", "acme", "still down", NOW, null))
                .when(new ResolveIssue("issue-1", "tenant-a", "VM restarted", null, NOW))
                .expectEvents(RESOLVED);
    }

    @Test
    void aMomentRecordedAfterTheFact_keepsItsOccurredAt() {
        Instant earlier = Instant.parse("2026-03-02T08:30:00Z");
        fixture.given(OPENED)
                .when(new AcknowledgeIssue("issue-1", "tenant-a", "Sam", null, earlier, NOW))
                .expectEvents(new IssueAcknowledged("issue-1", "tenant-a", "acme", "Sam", null, earlier, null));
    }

    @Test
    void occurredAt_withinTheClockSkew_isAccepted() {
        Instant slightlyAhead = NOW.plus(Incident.CLOCK_SKEW);
        fixture.given(OPENED)
                .when(new ResolveIssue("issue-1", "tenant-a", "VM restarted", slightlyAhead, NOW))
                .expectEvents(new IssueResolved("issue-1", "tenant-a", "acme", "VM restarted", slightlyAhead, null));
    }

    @Test
    void occurredAt_beyondTheClockSkew_isRejected() {
        fixture.given(OPENED)
                .when(new ResolveIssue("issue-1", "tenant-a", "VM restarted", NOW.plus(Incident.CLOCK_SKEW).plusSeconds(1),
                        NOW))
                .expectException(OccurredAtOutOfRange.class)
                .expectExceptionMessage(containsString("lies in the future"))
                .expectNoEvents();
    }

    @Test
    void occurredAt_beforeTheIncidentOpened_isRejected() {
        fixture.given(OPENED)
                .when(new SendProactiveUpdate("issue-1", "tenant-a", "working on it", Channel.EMAIL,
                        REPORTED.minusSeconds(1), NOW))
                .expectException(OccurredAtOutOfRange.class)
                .expectExceptionMessage(equalTo("lies before the incident was opened at 2026-03-02T08:15:00Z."))
                .expectNoEvents();
    }

    private static final SendProactiveUpdateRequest UPDATE_REQUEST =
            new SendProactiveUpdateRequest("VM restarting", Channel.EMAIL, null);
    private static final SendProactiveUpdate UPDATE = UPDATE_REQUEST.toCommand("issue-1", "tenant-a", NOW);
    private static final ProactiveUpdateSent FIRST_UPDATE = new ProactiveUpdateSent("issue-1", "tenant-a", "acme",
            "VM restarting", Channel.EMAIL, 1, NOW, null);
    private static final List<Object> UPDATED_WITH_KEY_1 = List.of(OPENED,
            storedWith(FIRST_UPDATE, keyed("key-1", UPDATE, UPDATE_REQUEST)));

    @Test
    void aKeyedMoment_storesItsKeyAndFingerprintWithTheEvent() {
        fixture.given(OPENED)
                .when(UPDATE, keyed("key-1", UPDATE, UPDATE_REQUEST))
                .expectEvents(storedWith(FIRST_UPDATE, keyed("key-1", UPDATE, UPDATE_REQUEST)));
    }

    @Test
    void theSameRequestAgainWithItsKey_storesNothing_andAnswersTheFirstEvent_afterARestart() {
        // the history as read back from the store: this aggregate instance never handled the first call
        SendProactiveUpdate retry = UPDATE_REQUEST.toCommand("issue-1", "tenant-a", NOW.plusSeconds(30));
        fixture.given(UPDATED_WITH_KEY_1)
                .when(retry, keyed("key-1", retry, UPDATE_REQUEST))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new IdempotentCommands.Replayed(FIRST_UPDATE));
    }

    @Test
    void aHistoryWithKeys_rebuildsTheStateToo() {
        SendProactiveUpdateRequest next = new SendProactiveUpdateRequest("nearly there", Channel.PHONE, null);
        SendProactiveUpdate command = next.toCommand("issue-1", "tenant-a", NOW);
        fixture.given(UPDATED_WITH_KEY_1)
                .when(command, keyed("key-2", command, next))
                .expectEvents(new ProactiveUpdateSent("issue-1", "tenant-a", "acme", "nearly there", Channel.PHONE, 2, NOW, null));
    }

    @Test
    void theSameKeyWithAnotherRequest_isRefused_andStoresNothing() {
        SendProactiveUpdateRequest other = new SendProactiveUpdateRequest("VM restarted", Channel.EMAIL, null);
        SendProactiveUpdate command = other.toCommand("issue-1", "tenant-a", NOW);
        fixture.given(UPDATED_WITH_KEY_1)
                .when(command, keyed("key-1", command, other))
                .expectException(IdempotencyKeyReusedException.class)
                .expectExceptionMessage(containsString("incident 'issue-1'"))
                .expectNoEvents();
    }

    @Test
    void theSameKeyForAnotherKindOfMoment_isRefused() {
        RecordClientChaseRequest chase = new RecordClientChaseRequest(Channel.EMAIL, "VM restarting", null);
        RecordClientChase command = chase.toCommand("issue-1", "tenant-a", NOW);
        fixture.given(UPDATED_WITH_KEY_1)
                .when(command, keyed("key-1", command, chase))
                .expectException(IdempotencyKeyReusedException.class)
                .expectNoEvents();
    }

    @Test
    void aRetry_isAnsweredFromTheFirstEvent_evenOnceTheStateForbidsTheCommand() {
        ResolveIssueRequest request = new ResolveIssueRequest("VM restarted", null);
        ResolveIssue resolve = request.toCommand("issue-1", "tenant-a", NOW);
        fixture.given(List.of(OPENED, storedWith(RESOLVED, keyed("key-1", resolve, request))))
                .when(resolve, keyed("key-1", resolve, request))
                .expectNoEvents()
                .expectResultMessagePayload(new IdempotentCommands.Replayed(RESOLVED));
    }

    @Test
    void anotherTenantsRetry_isRejectedAsUnknown_beforeTheLedgerAnswers() {
        SendProactiveUpdate otherTenant = UPDATE_REQUEST.toCommand("issue-1", "tenant-b", NOW);
        fixture.given(UPDATED_WITH_KEY_1)
                .when(otherTenant, keyed("key-1", otherTenant, UPDATE_REQUEST))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    /** The metadata the resource sends: the fingerprint is the one a real call carries. */
    private static MetaData keyed(String key, IncidentCommand command, Object request) {
        return IdempotentCommands.message(command, key, request).getMetaData();
    }

    private static EventMessage<?> storedWith(IncidentEvent event, MetaData metaData) {
        return GenericEventMessage.asEventMessage(event).andMetaData(metaData);
    }
}
