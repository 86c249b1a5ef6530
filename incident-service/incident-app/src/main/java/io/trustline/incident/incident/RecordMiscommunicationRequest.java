package io.trustline.incident.incident;

import io.trustline.incident.api.Party;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /incidents/{issueId}/miscommunications}: what was misunderstood, and by which side. {@code
 * occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"misunderstanding": "We said fixed; the client understood reachable, not exporting.", "misunderstoodBy": "BOTH"}""")
public record RecordMiscommunicationRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String misunderstanding,
        @NotNull Party misunderstoodBy,
        @Schema(description = IncidentMoments.OCCURRED_AT) Instant occurredAt) {

    IncidentCommand.RecordMiscommunication toCommand(String issueId, String tenantId, Instant recordedAt) {
        return new IncidentCommand.RecordMiscommunication(issueId, tenantId, misunderstanding, misunderstoodBy, occurredAt, recordedAt);
    }
}
