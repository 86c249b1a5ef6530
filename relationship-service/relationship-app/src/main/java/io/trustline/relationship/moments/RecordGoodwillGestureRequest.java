package io.trustline.relationship.moments;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /clients/{clientId}/gestures}: what was done for the client and who did it; {@code occurredAt}
 * only for a gesture recorded after the fact.
 */
@Schema(example = """
        {"gesture": "Waived the on-site call-out fee after the outage", "by": "Sam Tech"}""")
public record RecordGoodwillGestureRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String gesture,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String by,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    RelationshipCommand.RecordGoodwillGesture toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordGoodwillGesture(tenantId, clientId, gesture, by, occurredAt, recordedAt);
    }
}
