package io.trustline.relationship.moments;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /clients/{clientId}/offers-declined}: who made the offer, what they offered and, optionally, why
 * the client said no in their own words; {@code occurredAt} only for a moment recorded after the fact.
 */
@Schema(example = """
        {"competitor": "CheapIT Ltd", "offer": "Same service for 20% less", "clientWords": "You pick up the phone."}""")
public record RecordDeclinedOfferRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String competitor,
        @NotBlank @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(pattern = PlainText.MULTI_LINE_NOT_BLANK) String offer,
        @Size(max = 2000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE) String clientWords,
        @Schema(description = "when it happened, only for a moment recorded after the fact: never in the future. Default: now") Instant occurredAt) {

    RelationshipCommand.RecordDeclinedOffer toCommand(String clientId, String tenantId, Instant recordedAt) {
        return new RelationshipCommand.RecordDeclinedOffer(tenantId, clientId, competitor, offer, clientWords,
                occurredAt, recordedAt);
    }
}
