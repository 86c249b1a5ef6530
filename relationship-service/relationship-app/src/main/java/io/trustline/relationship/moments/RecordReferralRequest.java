package io.trustline.relationship.moments;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /clients/{clientId}/referrals}: who the client referred to the provider; {@code occurredAt} only
 * for a referral recorded after the fact.
 */
public record RecordReferralRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String referred,
        Instant occurredAt) {

    RelationshipCommand.RecordReferral toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordReferral(tenantId, clientId, referred, occurredAt, recordedAt);
    }
}
