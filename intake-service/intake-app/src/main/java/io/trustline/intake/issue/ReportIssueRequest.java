package io.trustline.intake.issue;

import io.trustline.intake.api.Expectation;
import io.trustline.intake.api.How;
import io.trustline.intake.api.Impact;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaTicketRef;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.api.Scope;
import io.trustline.intake.api.What;
import io.trustline.intake.api.When;
import io.trustline.intake.api.Where;
import io.trustline.intake.api.Who;
import io.trustline.intake.api.WorkMode;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /issues}: a client's issue and what the client expects (seed 001: who is affected, what it
 * stops or costs, when it must be resolved, where it happens, how the client will judge it resolved).
 */
@Schema(example = """
        {"clientId": "acme-dental", "summary": "Payroll export fails",
         "description": "The monthly payroll export stops with an error at 80%.",
         "reportedBy": {"name": "Dana Reyes", "email": "dana.reyes@acme-dental.example.com", "phone": "+1 555 0100"},
         "channel": "PHONE", "priority": "HIGH",
         "expectation": {
           "who": {"scope": "TEAM", "affectedCount": 4},
           "what": {"impact": "STOPPED", "costPerHour": 250, "description": "payroll cannot be sent to the bank"},
           "when": {"resolveBy": "2099-03-05T12:00:00Z", "reason": "the bank takes payroll files until Thursday noon"},
           "where": {"location": "head office", "workMode": "REMOTE"},
           "how": {"resolvedWhen": "the export completes and the bank accepts the file",
                   "acceptanceChecks": ["export completes", "bank accepts the file"]}}}""")
public record ReportIssueRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$", message = "letters, digits and . _ : - only")
        String clientId,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String summary,
        @Size(max = 5000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String description,
        @NotNull @Valid ReporterRequest reportedBy,
        @Size(max = 50) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String channel,
        @Valid PsaTicketRequest psaTicket,
        Priority priority,
        @NotNull @Valid ExpectationRequest expectation) {

    public record ReporterRequest(@NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String name,
                                  @Email @Size(min = 3, max = 254) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(format = "email") String email,
                                  @Size(max = 50) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String phone) {
        Reporter toReporter() {
            return new Reporter(name, email, phone);
        }
    }

    public record PsaTicketRequest(@NotBlank @Size(max = 50) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String psa,
                                   @NotBlank @Size(max = 100) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String externalTicketId) {
        PsaTicketRef toRef() {
            return new PsaTicketRef(psa, externalTicketId);
        }
    }

    @Schema(example = """
            {"who": {"scope": "TEAM", "affectedCount": 4},
             "what": {"impact": "STOPPED", "costPerHour": 250, "description": "payroll cannot be sent to the bank"},
             "when": {"resolveBy": "2099-03-05T12:00:00Z", "reason": "the bank takes payroll files until Thursday noon"},
             "where": {"location": "head office", "workMode": "REMOTE"},
             "how": {"resolvedWhen": "the export completes and the bank accepts the file",
                     "acceptanceChecks": ["export completes", "bank accepts the file"]}}""")
    public record ExpectationRequest(@NotNull @Valid WhoRequest who, @NotNull @Valid WhatRequest what,
                                     @NotNull @Valid WhenRequest when, @NotNull @Valid WhereRequest where,
                                     @NotNull @Valid HowRequest how) {
        Expectation toExpectation() {
            return new Expectation(new Who(who.scope(), who.affectedCount()),
                    new What(what.impact(), what.costPerHour(), what.description()),
                    new When(when.resolveBy(), when.reason()),
                    new Where(where.location(), where.workMode()),
                    new How(how.resolvedWhen(), how.acceptanceChecks() == null ? List.of() : how.acceptanceChecks()));
        }
    }

    public record WhoRequest(@NotNull Scope scope, @Min(1) @Max(10_000_000) Integer affectedCount) {
    }

    public record WhatRequest(@NotNull Impact impact, @DecimalMin("0") @DecimalMax("1000000000") BigDecimal costPerHour,
                              @Size(max = 1000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String description) {
    }

    /** {@code resolveBy} is the client's deadline: one before the report is refused (see {@code toCommand}). */
    public record WhenRequest(@NotNull @Schema(description = "the client's deadline; not before the report", example = "2099-03-05T12:00:00Z") Instant resolveBy, @Size(max = 500) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String reason) {
    }

    public record WhereRequest(@NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String location, @NotNull WorkMode workMode) {
    }

    public record HowRequest(@NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String resolvedWhen,
                             @Size(max = 50) List<@NotBlank @Size(max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String> acceptanceChecks) {
    }

    /** Whether this request asks for the issue that was stored (a retry), whenever it was reported. */
    boolean reports(IssueDetails stored) {
        return clientId.equals(stored.clientId()) && summary.equals(stored.summary())
                && Objects.equals(description, stored.description())
                && reportedBy.toReporter().equals(stored.reportedBy())
                && Objects.equals(channel, stored.channel())
                && Objects.equals(psaTicket == null ? null : psaTicket.toRef(), stored.psaTicket())
                && priority == stored.priority()
                && expectation.toExpectation().equals(stored.expectation());
    }

    /**
     * @throws InvalidFieldException if the client's deadline is before the report: a deadline already missed when
     *         it is set is a mistake (a wrong year, a time zone slip), and accepting it would score the issue as
     *         overdue from its first second
     */
    IssueCommand.ReportIssue toCommand(String issueId, String tenantId, Instant reportedAt) {
        if (expectation.when().resolveBy().isBefore(reportedAt)) {
            throw new InvalidFieldException("expectation.when.resolveBy",
                    "is before the report (" + reportedAt + "); the client's deadline must be later.");
        }
        return new IssueCommand.ReportIssue(issueId, tenantId, clientId, summary, description, reportedBy.toReporter(),
                channel, psaTicket == null ? null : psaTicket.toRef(), priority, expectation.toExpectation(), reportedAt);
    }
}
