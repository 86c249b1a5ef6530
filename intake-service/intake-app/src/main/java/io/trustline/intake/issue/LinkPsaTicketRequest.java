package io.trustline.intake.issue;

import io.trustline.intake.api.PsaTool;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /issues/{issueId}/psa-ticket}: the PSA ticket that tracks the issue. */
public record LinkPsaTicketRequest(
        @NotNull @Schema(example = "CONNECTWISE") PsaTool psa,
        @NotBlank @Size(max = 100) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK, example = "CW-104233") String externalTicketId,
        @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an absolute http or https URL")
        @Schema(format = "uri", example = "https://psa.example.com/tickets/104233") String url) {

    /** @throws InvalidFieldException when {@code url} is no valid URI */
    IssueCommand.LinkPsaTicket toCommand(String issueId, String tenantId, Instant linkedAt) {
        if (url != null) {
            try {
                new URI(url).parseServerAuthority();
            } catch (URISyntaxException e) {
                throw new InvalidFieldException("url", "is not a valid URL: " + e.getReason() + ".");
            }
        }
        return new IssueCommand.LinkPsaTicket(issueId, tenantId, psa, externalTicketId, url, linkedAt);
    }
}
