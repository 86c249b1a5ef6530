package io.trustline.relationship.moments;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /clients/{clientId}/feedback}: a CSAT score (1–5) or an NPS score (0–10), exactly one of the two
 * ({@link OneFeedbackScore} puts this rule in the schema), with what the client said and, optionally, the issue
 * it is about; {@code occurredAt} only for feedback recorded after the fact.
 */
@Schema(example = """
        {"csat": 5, "comment": "Fixed before payroll was due, and we were told every hour."}""")
public record RecordFeedbackRequest(
        @Min(1) @Max(5) Integer csat,
        @Min(0) @Max(10) Integer nps,
        @Size(max = 5000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String comment,
        @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "must be an issue id (a UUID)") String issueId,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    /** @throws InvalidFieldException naming {@code csat} when neither score is given, {@code nps} when both are */
    RelationshipCommand.RecordFeedback toCommand(String clientId, String tenantId, Instant recordedAt) {
        if (csat == null && nps == null) {
            throw new InvalidFieldException("csat", "give a CSAT score (csat, 1 to 5) or an NPS score (nps, 0 to 10).");
        }
        if (csat != null && nps != null) {
            throw new InvalidFieldException("nps", "give a CSAT score (csat) or an NPS score (nps), not both.");
        }
        return new RelationshipCommand.RecordFeedback(tenantId, clientId, csat, nps, comment, issueId, occurredAt,
                recordedAt);
    }
}
