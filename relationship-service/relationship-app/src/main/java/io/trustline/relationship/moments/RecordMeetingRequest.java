package io.trustline.relationship.moments;

import io.trustline.platform.rest.PlainText;
import io.trustline.relationship.api.MeetingKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * {@code POST /clients/{clientId}/meetings}: what the meeting was for, whether in person, who took part and what
 * was said; {@code occurredAt} only for a meeting recorded after the fact.
 */
@Schema(example = """
        {"kind": "QBR", "faceToFace": true, "attendees": ["Dana Reyes", "Sam Tech"], "notes": "Reviewed Q1 incidents and the backup plan."}""")
public record RecordMeetingRequest(
        @NotNull MeetingKind kind,
        @NotNull Boolean faceToFace,
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String> attendees,
        @Size(max = 5000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String notes,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    RelationshipCommand.RecordMeeting toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordMeeting(tenantId, clientId, kind, faceToFace, attendees, notes, occurredAt,
                recordedAt);
    }
}
