package io.trustline.intake.notice;

import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /advance-notices}: a client tells us what is coming and by when it must be ready. */
@Schema(description = "A client's advance notice: what is coming and when it must be ready. neededBy must be after "
        + "givenAt; givenAt defaults to now and is never in the future.",
        example = """
                {"clientId": "acme-dental", "summary": "new hire starts Monday: laptop, accounts and a desk phone",
                 "neededBy": "2026-03-09T08:00:00Z", "givenAt": "2026-03-03T09:00:00Z"}""")
public record GiveAdvanceNoticeRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
        @Schema(example = "acme-dental") String clientId,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(description = "what is coming, in the client's words",
                example = "new hire starts Monday: laptop, accounts and a desk phone") String summary,
        @NotNull @Schema(description = "when it must be ready; after givenAt", example = "2026-03-09T08:00:00Z")
        Instant neededBy,
        @Schema(description = "when the client gave the notice, for one recorded after the fact; never in the future. "
                + "Default: now", example = "2026-03-03T09:00:00Z")
        Instant givenAt) {

    AdvanceNoticeCommand.GiveAdvanceNotice toCommand(String noticeId, String tenantId, Instant recordedAt) {
        return new AdvanceNoticeCommand.GiveAdvanceNotice(noticeId, tenantId, clientId, summary, neededBy, givenAt,
                recordedAt);
    }
}
