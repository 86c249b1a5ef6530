package io.trustline.intake.issue;

import io.trustline.intake.api.How;
import io.trustline.intake.api.RequestedBy;
import io.trustline.intake.api.What;
import io.trustline.intake.api.When;
import io.trustline.intake.api.Where;
import io.trustline.intake.api.Who;
import io.trustline.intake.issue.ReportIssueRequest.HowRequest;
import io.trustline.intake.issue.ReportIssueRequest.WhatRequest;
import io.trustline.intake.issue.ReportIssueRequest.WhenRequest;
import io.trustline.intake.issue.ReportIssueRequest.WhereRequest;
import io.trustline.intake.issue.ReportIssueRequest.WhoRequest;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /issues/{issueId}/expectation}: the parts of the expectation that move, each replacing that part
 * whole (same shape and rules as in {@code POST /issues}), and why. Parts left out are kept; at least one is given.
 */
@Schema(description = "At least one of who, what, when, where and how; each replaces that part whole.", example = """
        {"when": {"resolveBy": "2099-03-06T17:00:00Z", "reason": "the replacement disk arrives Wednesday"},
         "reason": "the replacement disk arrives Wednesday morning", "requestedBy": "PROVIDER"}""")
public record ReviseExpectationRequest(
        @Valid WhoRequest who,
        @Valid WhatRequest what,
        @Valid WhenRequest when,
        @Valid WhereRequest where,
        @Valid HowRequest how,
        @NotBlank @Size(max = 1000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK, example = "the replacement disk arrives Wednesday morning") String reason,
        @NotNull @Schema(example = "PROVIDER") RequestedBy requestedBy,
        @Schema(description = "when the revision was asked for, for one recorded after the fact; never in the future, "
                + "never before the expectation it revises. Default: now")
        Instant occurredAt) {

    /** @throws InvalidFieldException when the body names no part of the expectation */
    IssueCommand.ReviseExpectation toCommand(String issueId, String tenantId, Instant recordedAt) {
        if (Stream.of(who, what, when, where, how).allMatch(part -> part == null)) {
            throw new InvalidFieldException("body", "names none of who, what, when, where, how; a revision changes at least one.");
        }
        return new IssueCommand.ReviseExpectation(issueId, tenantId,
                who == null ? null : new Who(who.scope(), who.affectedCount()),
                what == null ? null : new What(what.impact(), what.costPerHour(), what.description()),
                when == null ? null : new When(when.resolveBy(), when.reason()),
                where == null ? null : new Where(where.location(), where.workMode()),
                how == null ? null : new How(how.resolvedWhen(), how.acceptanceChecks() == null ? List.of() : how.acceptanceChecks()),
                reason, requestedBy, occurredAt, recordedAt);
    }
}
