package io.trustline.notification.webhooks;

import io.trustline.notification.archive.ArchiveSettings;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /webhooks/endpoints}: where to POST, which CloudEvent types, and optionally which of them: a CEL
 * {@code filter} over the CloudEvent and a {@code clientIds} allow-list; an optional {@code description}; and
 * optionally the past events to deliver first, since {@code backfillFrom}.
 */
@Schema(example = """
        {"url": "https://hooks.partner.example/trustline",
         "eventTypes": ["io.trustline.incident.ExpectationMissed.v1", "io.trustline.incident.ResponseTargetMissed.v1"],
         "filter": "subject == \\"acme-dental\\" || (has(data.priority) && data.priority == \\"CRITICAL\\")",
         "clientIds": ["acme-dental", "globex"], "description": "Partner dashboard: two clients' missed targets"}""")
public record RegisterWebhookEndpointRequest(
        @NotNull @Size(max = EndpointRules.URL_MAX) @Pattern(regexp = EndpointRules.URL, message = EndpointRules.URL_MESSAGE)
        @Schema(format = "uri") String url,
        @NotNull @NotEmpty @Size(max = EndpointRules.EVENT_TYPES_MAX)
        List<@NotNull @Pattern(regexp = EndpointRules.EVENT_TYPE, message = EndpointRules.EVENT_TYPE_MESSAGE) String> eventTypes,
        @Size(min = 1, max = ContentFilter.MAX_LENGTH) @Pattern(regexp = EndpointRules.FILTER, message = PlainText.MESSAGE)
        @Schema(description = "A CEL expression over the CloudEvent, true for the events to deliver: type, source, "
                + "subject, id (strings), time (timestamp), data (map). Absent: every event of the types.")
        String filter,
        @Size(min = 1, max = EndpointRules.CLIENT_IDS_MAX)
        @Schema(description = "Only events of these clients (the CloudEvent subject). Absent: every client.")
        List<@NotNull @Size(max = EndpointRules.CLIENT_ID_MAX)
                @Pattern(regexp = EndpointRules.CLIENT_ID, message = EndpointRules.CLIENT_ID_MESSAGE) String> clientIds,
        @Size(max = EndpointRules.DESCRIPTION_MAX)
        @Pattern(regexp = EndpointRules.DESCRIPTION, message = EndpointRules.DESCRIPTION_MESSAGE)
        @Schema(description = "Your note on what the endpoint is for; shown, never sent to it.")
        String description,
        @Schema(description = "Also deliver the past events since this instant that the endpoint's types, clientIds and "
                + "filter admit, first and in event-time order, then the live ones (each event once). Not in the "
                + "future, and not before the archive's retention (trustline.webhooks.archive.retention, 90 days by "
                + "default). Absent: live events only.", example = "2026-03-01T00:00:00Z")
        Instant backfillFrom) {

    /** Refuses a filter that does not compile to a boolean: 400 naming {@code filter}, the line, column and why. */
    void checkFilter() {
        EndpointRules.checkFilter(filter);
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
        EndpointRules.checkTarget(url, targets);
    }

    /** Whether this request asks for the endpoint that was registered (a retry). */
    boolean registers(WebhookEndpointDetails stored) {
        return url.equals(stored.url()) && eventTypes.stream().distinct().toList().equals(stored.eventTypes())
                && Objects.equals(filter, stored.filter()) && Objects.equals(distinctClientIds(), stored.clientIds())
                && Objects.equals(description, stored.description())
                && Objects.equals(backfillFrom, stored.backfillFrom());
    }

    WebhookEndpointCommand.RegisterWebhookEndpoint toCommand(String endpointId, String tenantId, Instant registeredAt,
                                                             String sealedSecret) {
        return new WebhookEndpointCommand.RegisterWebhookEndpoint(endpointId, tenantId, url,
                eventTypes.stream().distinct().toList(), registeredAt, sealedSecret, filter, distinctClientIds(),
                description, backfillFrom);
    }

    private List<String> distinctClientIds() {
        return clientIds == null ? null : clientIds.stream().distinct().toList();
    }
}
