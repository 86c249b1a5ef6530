package io.trustline.intake.psa.connectwise;

import static io.trustline.intake.psa.WebhookJson.bool;
import static io.trustline.intake.psa.WebhookJson.number;
import static io.trustline.intake.psa.WebhookJson.object;
import static io.trustline.intake.psa.WebhookJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.WebhookJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * A ConnectWise PSA callback body: {@code MessageId}, {@code Action} (added, updated, deleted), {@code Type},
 * {@code ID}, and {@code Entity}, the record as the REST API shows it, which ConnectWise sends either as a JSON object
 * or as a string holding that JSON. Only tickets are read; milestones come from the ticket's {@code dateResponded},
 * {@code dateResplan} and {@code dateResolved}.
 */
final class ConnectWiseCallback {

    private ConnectWiseCallback() {
    }

    static Optional<PsaTicketChange> read(byte[] body) {
        JsonNode callback = WebhookJson.parse(body, "The ConnectWise callback");
        if (!callback.isObject()) {
            throw new MalformedWebhook("The ConnectWise callback must be a JSON object.");
        }
        String messageId = required(text(callback, "MessageId", "MessageId"), "MessageId");
        String action = required(text(callback, "Action", "Action"), "Action").toLowerCase(Locale.ROOT);
        String type = required(text(callback, "Type", "Type"), "Type");
        Long id = required(number(callback, "ID", "ID"), "ID");
        if (!type.equalsIgnoreCase("ticket")) {
            throw new MalformedWebhook("Type '" + type + "' is not a ticket: register the ConnectWise callback with "
                    + "type ticket only.");
        }
        switch (action) {
            case "deleted":
                return Optional.empty();
            case "added", "updated":
                break;
            default:
                throw new MalformedWebhook("Action '" + action + "' is not one of added, updated, deleted.");
        }
        JsonNode ticket = entity(callback);
        Long entityId = number(ticket, "id", "Entity.id");
        if (entityId != null && !entityId.equals(id)) {
            throw new MalformedWebhook("Entity.id " + entityId + " is not the callback's ID " + id + ".");
        }
        return Optional.of(ticketChange(messageId, String.valueOf(id), ticket));
    }

    private static JsonNode entity(JsonNode callback) {
        JsonNode entity = callback.get("Entity");
        if (entity != null && entity.isTextual()) {
            entity = WebhookJson.parse(entity.textValue(), "Entity");
        }
        if (entity == null || entity.isNull()) {
            throw new MalformedWebhook("Entity is missing: an added or updated ticket callback carries the ticket.");
        }
        if (!entity.isObject()) {
            throw new MalformedWebhook("Entity must be the ticket as a JSON object, or a string holding it.");
        }
        return entity;
    }

    private static PsaTicketChange ticketChange(String messageId, String ticketId, JsonNode ticket) {
        PsaTicketChange.Builder change = PsaTicketChange.of(PsaTool.CONNECTWISE, messageId, ticketId)
                .summary(text(ticket, "summary", "Entity.summary"))
                .description(text(ticket, "initialDescription", "Entity.initialDescription"))
                .createdAt(instant(ticket, "dateEntered", "Entity.dateEntered"))
                .respondedAt(instant(ticket, "dateResponded", "Entity.dateResponded"))
                .planAt(instant(ticket, "dateResplan", "Entity.dateResplan"))
                .contact(contact(ticket));

        JsonNode company = object(ticket, "company", "Entity.company");
        if (company != null) {
            Long companyId = number(company, "id", "Entity.company.id");
            change.company(companyId == null ? null : String.valueOf(companyId));
        }
        JsonNode status = object(ticket, "status", "Entity.status");
        if (status != null) {
            change.status(text(status, "name", "Entity.status.name"));
        }
        JsonNode priority = object(ticket, "priority", "Entity.priority");
        if (priority != null) {
            change.priority(ConnectWisePriority.of(text(priority, "name", "Entity.priority.name")));
        }
        JsonNode info = object(ticket, "_info", "Entity._info");
        if (info != null) {
            change.changedAt(instant(info, "lastUpdated", "Entity._info.lastUpdated"));
        }

        Instant resolved = instant(ticket, "dateResolved", "Entity.dateResolved");
        if (resolved != null) {
            change.resolvedAt(resolved);
        } else if (isReopened(ticket)) {
            change.resolutionWithdrawn();
        }
        return change.build();
    }

    /**
     * The REST API leaves empty fields out of a ticket, so a ticket that says it is open ({@code closedFlag} false)
     * and has no {@code dateResolved} is not resolved now, whatever it was before.
     */
    private static boolean isReopened(JsonNode ticket) {
        boolean sentEmpty = ticket.has("dateResolved");
        return sentEmpty || Boolean.FALSE.equals(bool(ticket, "closedFlag", "Entity.closedFlag"));
    }

    private static Reporter contact(JsonNode ticket) {
        String name = text(ticket, "contactName", "Entity.contactName");
        JsonNode contact = object(ticket, "contact", "Entity.contact");
        if (name == null && contact != null) {
            name = text(contact, "name", "Entity.contact.name");
        }
        if (name == null) {
            return null;
        }
        return new Reporter(name, text(ticket, "contactEmailAddress", "Entity.contactEmailAddress"),
                text(ticket, "contactPhoneNumber", "Entity.contactPhoneNumber"));
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String value = text(parent, field, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedWebhook(path + " must be a UTC date-time such as 2019-01-17T09:21:03Z, not '"
                    + value + "'.");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedWebhook(field + " is missing from the ConnectWise callback.");
        }
        return value;
    }
}
