package io.trustline.relationship.moments;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /clients/{clientId}/referrals}: who the client referred to the provider; {@code occurredAt} only
 * for a referral recorded after the fact.
 */
@Schema(example = """
        {"referred": "Harbor Law LLP"}""")
public record RecordReferralRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String referred,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    RelationshipCommand.RecordReferral toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordReferral(tenantId, clientId, referred, occurredAt, recordedAt);
    }
}
