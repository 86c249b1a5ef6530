package io.trustline.intake.notice;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /advance-notices/{noticeId}/fulfilment}: what the notice announced was delivered. */
@Schema(description = "The delivery of what the notice announced: on time when fulfilledAt is at or before neededBy.",
        example = """
                {"fulfilledAt": "2026-03-06T16:30:00Z", "note": "laptop imaged, accounts created, phone on the desk"}""")
public record FulfilAdvanceNoticeRequest(
        @NotNull @Schema(description = "when it was delivered; never in the future, never before the notice was given",
                example = "2026-03-06T16:30:00Z") Instant fulfilledAt,
        @Size(max = 1000) @Pattern(regexp = PlainText.MULTI_LINE, message = PlainText.MESSAGE)
        @Schema(example = "laptop imaged, accounts created, phone on the desk") String note) {

    AdvanceNoticeCommand.FulfilAdvanceNotice toCommand(String noticeId, String tenantId, Instant recordedAt) {
        return new AdvanceNoticeCommand.FulfilAdvanceNotice(noticeId, tenantId, fulfilledAt, note, recordedAt);
    }
}
