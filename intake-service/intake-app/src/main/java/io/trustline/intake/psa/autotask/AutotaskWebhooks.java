package io.trustline.intake.psa.autotask;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.intake.api.Priority;
import io.trustline.intake.api.PsaNote;
import io.trustline.intake.api.PsaTool;
import io.trustline.intake.api.Reporter;
import io.trustline.intake.integration.IntegrationCredentials;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.psa.MalformedWebhook;
import io.trustline.intake.psa.PsaTicketChange;
import io.trustline.intake.psa.PsaWebhookFormat;
import io.trustline.intake.psa.WebhookNotAuthenticated;
import io.trustline.intake.psa.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Autotask's webhook callouts (REST {@code TicketWebhooks} and {@code TicketNoteWebhooks}): a JSON object with
 * {@code Action} (Create, Update, Delete), {@code Guid} (the webhook), {@code EntityType}, {@code Id} (the entity),
 * {@code Fields} (the fields that changed plus those set to display always), {@code EventTime}, {@code SequenceNumber}
 * (the entity's own order of changes) and {@code PersonID}; signed in {@code X-Hook-Signature}.
 *
 * <p>A Ticket becomes a change of that ticket; a TicketNote published to all ({@code publish} 1) a customer-facing
 * note on its {@code ticketID}, any other note nothing. A Delete is nothing Trustline follows. Field names are read in
 * any case. Autotask's default priorities are mapped (1 High, 2 Medium, 3 Low, 4 Critical), any other to none; the
 * status is its picklist value as sent. Dates without an offset are UTC, as Autotask's API keeps them.
 */
@ApplicationScoped
public class AutotaskWebhooks implements PsaWebhookFormat {

    private static final Set<String> ACTIONS = Set.of("Create", "Update", "Delete");
    private static final String TICKET = "Ticket";
    private static final String TICKET_NOTE = "TicketNote";
    private static final String PUBLISHED_TO_ALL = "1";

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public IntegrationKind kind() {
        return IntegrationKind.AUTOTASK;
    }

    @Override
    public void authenticate(ReceivingIntegration integration, WebhookRequest request) {
        if (!(integration.credentials() instanceof IntegrationCredentials.Autotask autotask)) {
            throw new WebhookNotAuthenticated("The integration holds no Autotask webhook secret.");
        }
        String sent = request.header(AutotaskSignature.HEADER);
        if (sent == null) {
            throw new WebhookNotAuthenticated("The " + AutotaskSignature.HEADER + " header is missing.");
        }
        if (!AutotaskSignature.matches(sent, autotask.webhookSecret(), request.body())) {
            throw new WebhookNotAuthenticated("The " + AutotaskSignature.HEADER
                    + " header is not the body's signature under the integration's webhook secret.");
        }
    }

    @Override
    public Optional<PsaTicketChange> read(WebhookRequest request) {
        Map<String, JsonNode> callout = object(parse(request.body()), "the body");
        String action = text(callout, "Action", true);
        if (!ACTIONS.contains(action)) {
            throw new MalformedWebhook("Action '" + action + "' is none of Autotask's: " + ACTIONS + ".");
        }
        String entityType = text(callout, "EntityType", true);
        if (!entityType.equals(TICKET) && !entityType.equals(TICKET_NOTE)) {
            throw new MalformedWebhook("Unknown entity '" + entityType + "': this receiver takes Autotask's "
                    + TICKET + " and " + TICKET_NOTE + " webhooks.");
        }
        String guid = text(callout, "Guid", true);
        String id = id(callout, "Id", true);
        Long sequence = sequence(callout);
        Instant eventTime = instant(callout, "EventTime");
        if (action.equals("Delete")) {
            return Optional.empty();
        }
        JsonNode fieldsNode = callout.get("Fields");
        if (fieldsNode == null || fieldsNode.isNull()) {
            throw new MalformedWebhook("Fields is missing: a " + action + " callout sends the fields that changed.");
        }
        Map<String, JsonNode> fields = object(fieldsNode, "Fields");
        String deliveryId = guid + ":" + id + ":" + sequence;
        return entityType.equals(TICKET)
                ? Optional.of(ticket(deliveryId, id, sequence, eventTime, fields))
                : note(deliveryId, id, eventTime, fields);
    }

    private static PsaTicketChange ticket(String deliveryId, String ticketId, Long sequence, Instant eventTime,
                                          Map<String, JsonNode> fields) {
        Instant lastActivity = instant(fields, "lastActivityDate");
        PsaTicketChange.Builder change = PsaTicketChange.of(PsaTool.AUTOTASK, deliveryId, ticketId)
                .sequence(sequence)
                .changedAt(lastActivity != null ? lastActivity : eventTime)
                .createdAt(instant(fields, "createDate"))
                .summary(text(fields, "title", false))
                .description(text(fields, "description", false))
                .priority(priority(id(fields, "priority", false)))
                .company(id(fields, "companyID", false))
                .status(id(fields, "status", false))
                .respondedAt(instant(fields, "firstResponseDateTime"))
                .planAt(instant(fields, "resolutionPlanDateTime"));
        String contact = id(fields, "contactID", false);
        if (contact != null) {
            change.contact(new Reporter("Autotask contact " + contact, null, null));
        }
        if (fields.containsKey("resolvedDateTime") && fields.get("resolvedDateTime").isNull()) {
            change.resolutionWithdrawn();
        } else {
            change.resolvedAt(instant(fields, "resolvedDateTime"));
        }
        return change.build();
    }

    private static Optional<PsaTicketChange> note(String deliveryId, String noteId, Instant eventTime,
                                                  Map<String, JsonNode> fields) {
        String ticketId = id(fields, "ticketID", true);
        if (!PUBLISHED_TO_ALL.equals(id(fields, "publish", false))) {
            return Optional.empty();
        }
        String text = text(fields, "description", false);
        if (text == null) {
            text = text(fields, "title", false);
        }
        if (text == null) {
            return Optional.empty();
        }
        Instant sentAt = instant(fields, "createDateTime");
        if (sentAt == null) {
            sentAt = eventTime != null ? eventTime : Instant.now();
        }
        // no sequence or instant of the ticket: a note's SequenceNumber counts the note's own changes
        return Optional.of(PsaTicketChange.of(PsaTool.AUTOTASK, deliveryId, ticketId)
                .note(new PsaNote(noteId, text, sentAt))
                .build());
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedWebhook("The body is empty; Autotask sends a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedWebhook("The body is not well-formed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedWebhook("The body could not be read as JSON.", e);
        }
    }

    private static Map<String, JsonNode> object(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MalformedWebhook(capitalised(what) + " is not a JSON object.");
        }
        Map<String, JsonNode> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static String text(Map<String, JsonNode> fields, String name, boolean required) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedWebhook(name + " is missing.");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedWebhook(name + " is not text.");
        }
        return value.asText();
    }

    /** An Autotask id or picklist value: an integer, or its digits as text. */
    private static String id(Map<String, JsonNode> fields, String name, boolean required) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedWebhook(name + " is missing.");
            }
            return null;
        }
        if (value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?[0-9]{1,19}"))) {
            return value.asText();
        }
        throw new MalformedWebhook(name + " is not an Autotask id (an integer).");
    }

    private static Long sequence(Map<String, JsonNode> callout) {
        String sequence = id(callout, "SequenceNumber", true);
        try {
            return Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            throw new MalformedWebhook("SequenceNumber is out of range.");
        }
    }

    private static Instant instant(Map<String, JsonNode> fields, String name) {
        String text = text(fields, name, false);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedWebhook(name + " '" + text + "' is not a date-time.");
            }
        }
    }

    private static Priority priority(String picklistValue) {
        if (picklistValue == null) {
            return null;
        }
        return switch (picklistValue) {
            case "1" -> Priority.HIGH;
            case "2" -> Priority.MEDIUM;
            case "3" -> Priority.LOW;
            case "4" -> Priority.CRITICAL;
            default -> null;
        };
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
