package io.trustline.notification.webhooks;

import io.trustline.notification.archive.ArchiveSettings;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.notification.targets.TargetRefused;
import io.trustline.platform.problem.InvalidFieldException;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /webhooks/endpoints}: where to POST, which CloudEvent types, and optionally which of them: a CEL
 * {@code filter} over the CloudEvent and a {@code clientIds} allow-list; and optionally the past events to deliver
 * first, since {@code backfillFrom}.
 */
@Schema(example = """
        {"url": "https://hooks.partner.example/trustline",
         "eventTypes": ["io.trustline.incident.ExpectationMissed.v1", "io.trustline.incident.ResponseTargetMissed.v1"],
         "filter": "subject == \\"acme-dental\\" || (has(data.priority) && data.priority == \\"CRITICAL\\")",
         "clientIds": ["acme-dental", "globex"]}""")
public record RegisterWebhookEndpointRequest(
        @NotNull @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s/?#\\x00-\\x1F\\x7F]+[^\\s\\x00-\\x1F\\x7F]*$", message = "must be an absolute http or https URL")
        @Schema(format = "uri") String url,
        @NotNull @NotEmpty @Size(max = 100)
        List<@NotNull @Pattern(regexp = "^io\\.trustline\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+$",
                message = "must be a Trustline CloudEvent type such as io.trustline.intake.IssueReported.v1") String> eventTypes,
        @Size(min = 1, max = ContentFilter.MAX_LENGTH)
        @Schema(description = "A CEL expression over the CloudEvent, true for the events to deliver: type, source, "
                + "subject, id (strings), time (timestamp), data (map). Absent: every event of the types.")
        String filter,
        @Size(min = 1, max = 500)
        @Schema(description = "Only events of these clients (the CloudEvent subject). Absent: every client.")
        List<@NotNull @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+",
                message = "must be a client id: letters, digits and . _ : -") String> clientIds,
        @Schema(description = "Also deliver the past events since this instant that the endpoint's types, clientIds and "
                + "filter admit, first and in event-time order, then the live ones (each event once). Not in the "
                + "future, and not before the archive's retention (trustline.webhooks.archive.retention, 90 days by "
                + "default). Absent: live events only.", example = "2026-03-01T00:00:00Z")
        Instant backfillFrom) {

    /** Refuses a filter that does not compile to a boolean: 400 naming {@code filter}, the line, column and why. */
    void checkFilter() {
        if (filter == null) {
            return;
        }
        try {
            ContentFilter.compile(filter);
        } catch (ContentFilter.FilterRejected rejected) {
            throw new InvalidFieldException("filter", "is not a valid CEL filter at line " + rejected.line()
                    + ", column " + rejected.column() + ": " + rejected.reason());
        }
    }

    /** Refuses a backfill from the future or from before the oldest event kept: 400 naming {@code backfillFrom}. */
    void checkBackfill(Instant now, Duration retention) {
        if (backfillFrom == null) {
            return;
        }
        if (backfillFrom.isAfter(now)) {
            throw new InvalidFieldException("backfillFrom", "must not be in the future.");
        }
        Instant earliest = now.minus(retention);
        if (backfillFrom.isBefore(earliest)) {
            throw new InvalidFieldException("backfillFrom", "is before the oldest event kept: events are kept for "
                    + ArchiveSettings.describe(retention) + ", so the earliest backfill is from " + earliest + ".");
        }
    }

    /** Refuses a URL that Trustline would not call: 400 naming {@code url} and why. */
    void checkTarget(TargetAddressGuard targets) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "is not a valid URL: " + e.getReason() + " at index " + e.getIndex() + ".");
        }
        try {
            targets.checkAtRegistration(target);
        } catch (TargetRefused refused) {
            throw new InvalidFieldException("url", refused.reason() + ".");
        }
    }

    /** Whether this request asks for the endpoint that was registered (a retry). */
    boolean registers(WebhookEndpointDetails stored) {
        return url.equals(stored.url()) && eventTypes.stream().distinct().toList().equals(stored.eventTypes())
                && Objects.equals(filter, stored.filter()) && Objects.equals(distinctClientIds(), stored.clientIds())
                && Objects.equals(backfillFrom, stored.backfillFrom());
    }

    WebhookEndpointCommand.RegisterWebhookEndpoint toCommand(String endpointId, String tenantId, Instant registeredAt,
                                                             String sealedSecret) {
        return new WebhookEndpointCommand.RegisterWebhookEndpoint(endpointId, tenantId, url,
                eventTypes.stream().distinct().toList(), registeredAt, sealedSecret, filter, distinctClientIds(),
                backfillFrom);
    }

    private List<String> distinctClientIds() {
        return clientIds == null ? null : clientIds.stream().distinct().toList();
    }
}
