package io.trustline.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentActionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anActionPlan_sendsOneStepPerLine_andTheEtaAsAUtcInstant() {
        ActionForm form = new ActionForm();
        form.steps = "restart the payroll VM\n\n  verify the export  \n";
        form.owner = "Sam Tech";
        form.eta = "2026-12-08T09:30";

        assertThat(IncidentAction.ACTION_PLAN.body(form)).isEqualTo(Map.of(
                "steps", List.of("restart the payroll VM", "verify the export"), "owner", "Sam Tech", "eta", "2026-12-08T09:30:00Z"));
    }

    @Test
    void blankOptionalFields_areLeftOut_soTheServiceNamesWhatIsMissing() {
        ActionForm form = new ActionForm();
        form.by = "Sam Tech";
        form.note = "  ";

        assertThat(IncidentAction.ACKNOWLEDGE.body(form)).isEqualTo(Map.of("by", "Sam Tech"));
        assertThat(IncidentAction.RESOLVE.body(new ActionForm())).isEmpty();
    }

    @Test
    void aConfirmation_judgesEveryAcceptanceCheck_passedOnlyWhenTicked() {
        ActionForm form = new ActionForm();
        form.howCriteriaMet = "true";
        form.checks = List.of("payroll export completes", "bank accepts the file");
        form.passed = List.of("payroll export completes");

        assertThat(IncidentAction.CONFIRM.body(form)).isEqualTo(Map.of("howCriteriaMet", true, "checks", List.of(
                Map.of("check", "payroll export completes", "passed", true),
                Map.of("check", "bank accepts the file", "passed", false))));
    }

    @Test
    void theFormsOffered_followTheServicesStateRules() {
        assertThat(List.of(IncidentAction.values())).filteredOn(a -> a.offeredIn("CONFIRMED")).containsExactly(IncidentAction.REOPEN);
        assertThat(IncidentAction.ACKNOWLEDGE.offeredIn("RESOLVED")).isFalse();
        assertThat(IncidentAction.CONFIRM.offeredIn("RESOLVED")).isTrue();
        assertThat(IncidentAction.bySlug("action-plan-completion")).contains(IncidentAction.COMPLETE_PLAN);
    }

    @Test
    void aForbiddenTransition_isShownInWords_namingTheState() throws Exception {
        var problem = json.readTree("""
                {"status": 409, "detail": "ResolveIssue is not allowed: the issue is already resolved. State: RESOLVED; allowed now: …", "state": "RESOLVED",
                 "allowed": ["SendProactiveUpdate", "ConfirmResolution"]}""");

        assertThat(IncidentResource.refusedByState(IncidentAction.RESOLVE, problem))
                .isEqualTo("“Resolve” is not possible now: the incident is RESOLVED. (ResolveIssue is not allowed: the issue is already resolved.)"
                        + " Allowed now: SendProactiveUpdate, ConfirmResolution.");
    }

    @Test
    void targets_markTheOnesMetLateOrMissed() throws Exception {
        var targets = json.readTree("""
                {"acknowledge": {"dueAt": "2026-03-02T08:30:00Z", "status": "MET", "metAt": "2026-03-02T08:20:00Z"},
                 "plan": {"dueAt": "2026-03-02T09:15:00Z", "status": "MISSED", "metAt": "2026-03-02T09:30:00Z", "missedAt": "2026-03-02T09:15:00Z"},
                 "resolve": {"dueAt": "2026-03-02T12:15:00Z", "status": "PENDING", "metAt": null}}""");

        assertThat(IncidentResource.targets(targets)).containsExactly(
                new TargetRow("Acknowledge", "2 Mar 2026 08:30 UTC", "MET", "2 Mar 2026 08:20 UTC", false),
                new TargetRow("Action plan", "2 Mar 2026 09:15 UTC", "MISSED", "2 Mar 2026 09:30 UTC", true),
                new TargetRow("Resolve", "2 Mar 2026 12:15 UTC", "PENDING", null, false));
    }

    @Test
    void theExpectation_readsAsWords() throws Exception {
        var expectation = json.readTree("""
                {"who": {"scope": "EVERYONE", "affectedCount": 25}, "what": {"impact": "STOPPED", "costPerHour": 1200},
                 "when": {"resolveBy": "2099-03-03T12:00:00Z", "reason": "payroll is due tomorrow"},
                 "where": {"location": "head office", "workMode": "ON_SITE"},
                 "how": {"resolvedWhen": "payroll runs", "acceptanceChecks": ["payroll export completes"]}}""");

        assertThat(Expectation.of(expectation)).isEqualTo(new Expectation("everyone (25 people)", "stopped, costing 1200 an hour",
                "resolved by 3 Mar 2099 12:00 UTC — payroll is due tomorrow", "head office (on site)", "payroll runs",
                List.of("payroll export completes")));
    }
}
