package io.trustline.intake.psa.halo;

import static io.trustline.intake.psa.WebhookJson.bool;
import static io.trustline.intake.psa.WebhookJson.number;
import static io.trustline.intake.psa.WebhookJson.object;
import static io.trustline.intake.psa.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.WebhookJson;
import java.time.Instant;
import java.util.Optional;

/**
 * A HaloPSA webhook body. Halo posts one event ({@code id}, {@code event}, {@code object_id}, {@code timestamp}, ...)
 * with the {@code ticket} and, where the event has one, the {@code action} (note) that caused it; a custom payload
 * may send the ticket object alone, which is read the same. Halo's SLA has a response and a resolution, no action
 * plan, so {@code planAt} stays empty; the resolution is the ticket's closure ({@code dateclosed}).
 */
final class HaloWebhook {

    private HaloWebhook() {
    }

    static Optional<PsaTicketChange> read(byte[] body) {
        JsonNode webhook = WebhookJson.parse(body, "The Halo webhook");
        if (webhook.isArray()) {
            throw new MalformedWebhook("The Halo webhook is a batch: turn Batching off on the Halo webhook, so each "
                    + "delivery is one event.");
        }
        if (!webhook.isObject()) {
            throw new MalformedWebhook("The Halo webhook must be a JSON object.");
        }
        JsonNode ticket = object(webhook, "ticket", "ticket");
        JsonNode action = null;
        if (ticket != null) {
            action = object(webhook, "action", "action");
        } else if (looksLikeATicket(webhook)) {
            ticket = webhook;
        } else {
            throw noTicket(webhook);
        }
        Long ticketId = number(ticket, "id", "ticket.id");
        if (ticketId == null) {
            throw new MalformedWebhook("ticket.id is missing from the Halo webhook.");
        }
        return Optional.of(ticketChange(webhook, String.valueOf(ticketId), ticket, action));
    }

    private static boolean looksLikeATicket(JsonNode webhook) {
        return webhook.path("id").isIntegralNumber()
                && (webhook.has("summary") || webhook.has("client_id") || webhook.has("dateoccurred"));
    }

    private static MalformedWebhook noTicket(JsonNode webhook) {
        String event = webhook.path("event").isTextual() ? webhook.path("event").textValue() : null;
        if (webhook.has("object_id")) {
            return new MalformedWebhook("The Halo webhook" + (event == null ? "" : " for '" + event + "'")
                    + " carries no ticket object: set its payload to the full object, not event information only.");
        }
        return new MalformedWebhook("The Halo webhook" + (event == null ? "" : " for '" + event + "'")
                + " carries no ticket object.");
    }

    private static PsaTicketChange ticketChange(JsonNode webhook, String ticketId, JsonNode ticket, JsonNode action) {
        Instant lastUpdate = HaloDates.instant(ticket, "last_update", "ticket.last_update");
        Instant lastAction = HaloDates.instant(ticket, "lastactiondate", "ticket.lastactiondate");
        PsaTicketChange.Builder change = PsaTicketChange.of(PsaTool.HALO,
                        deliveryId(webhook, ticketId, action, lastUpdate, lastAction), ticketId)
                .summary(text(ticket, "summary", "ticket.summary"))
                .description(text(ticket, "details", "ticket.details"))
                .status(text(ticket, "status_name", "ticket.status_name"))
                .priority(HaloPriority.of(ticket))
                .contact(contact(ticket))
                .createdAt(HaloDates.instant(ticket, "dateoccurred", "ticket.dateoccurred"))
                .changedAt(lastUpdate != null ? lastUpdate : lastAction)
                .respondedAt(respondedAt(ticket))
                .url(text(ticket, "web_url", "ticket.web_url"));

        Long clientId = number(ticket, "client_id", "ticket.client_id");
        change.company(clientId == null ? null : String.valueOf(clientId));

        Instant closed = HaloDates.instant(ticket, "dateclosed", "ticket.dateclosed");
        if (closed != null) {
            change.resolvedAt(closed);
        } else if (ticket.has("dateclosed")
                && !Boolean.FALSE.equals(bool(ticket, "hasbeenclosed", "ticket.hasbeenclosed"))) {
            // Sent empty on a ticket that has been closed before: Halo reopened it.
            change.resolutionWithdrawn();
        }
        if (action != null) {
            change.note(customerFacingNote(webhook, action));
        }
        return change.build();
    }

    private static Instant respondedAt(JsonNode ticket) {
        Instant responded = HaloDates.instant(ticket, "responsedate", "ticket.responsedate");
        return responded != null ? responded
                : HaloDates.instant(ticket, "first_responsedate", "ticket.first_responsedate");
    }

    /**
     * The ticket and the change: the action that caused the event when Halo sends one, otherwise the ticket's last
     * update. A redelivery of the same event has the same; a later change of the same ticket does not.
     */
    private static String deliveryId(JsonNode webhook, String ticketId, JsonNode action, Instant lastUpdate,
                                     Instant lastAction) {
        Long actionId = action == null ? null : number(action, "id", "action.id");
        if (actionId != null) {
            return ticketId + ":action:" + actionId;
        }
        if (lastUpdate != null) {
            return ticketId + ":updated:" + lastUpdate;
        }
        if (lastAction != null) {
            return ticketId + ":action-at:" + lastAction;
        }
        JsonNode envelopeId = webhook.path("ticket").isObject() ? webhook.path("id") : null;
        String eventId = envelopeId != null && envelopeId.isTextual() ? envelopeId.textValue() : null;
        if (eventId == null) {
            throw new MalformedWebhook("The Halo webhook names no change of ticket " + ticketId
                    + ": it has no action.id, ticket.last_update, ticket.lastactiondate or event id.");
        }
        return ticketId + ":event:" + eventId;
    }

    /** Only a note the end user sees counts; Halo marks internal notes {@code hiddenfromuser}. */
    private static PsaNote customerFacingNote(JsonNode webhook, JsonNode action) {
        if (!Boolean.FALSE.equals(bool(action, "hiddenfromuser", "action.hiddenfromuser"))) {
            return null;
        }
        String text = text(action, "note", "action.note");
        Instant sentAt = HaloDates.instant(action, "datetime", "action.datetime");
        if (sentAt == null) {
            sentAt = HaloDates.instant(webhook, "timestamp", "timestamp");
        }
        if (text == null || sentAt == null) {
            return null;
        }
        Long actionId = number(action, "id", "action.id");
        return new PsaNote(actionId == null ? null : String.valueOf(actionId), text, sentAt);
    }

    private static Reporter contact(JsonNode ticket) {
        String name = text(ticket, "user_name", "ticket.user_name");
        if (name == null) {
            name = text(ticket, "reportedby", "ticket.reportedby");
        }
        return name == null ? null : new Reporter(name, text(ticket, "user_email", "ticket.user_email"), null);
    }
}
