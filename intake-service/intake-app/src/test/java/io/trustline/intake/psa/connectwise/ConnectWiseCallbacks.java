package io.trustline.intake.psa.connectwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.intake.psa.PsaFixtures;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ConnectWise ticket callbacks built from the documented ones under {@code psa/connectwise}: another ticket id, a
 * fresh MessageId and the key_url on a local key server, the ticket as ConnectWise's REST API shows it at that point of
 * its life (the API leaves a date that is not set out, so an open ticket has no {@code dateResolved}).
 */
public final class ConnectWiseCallbacks {

    static final String CONNECTWISE_ORIGIN = "https://api-na.myconnectwise.net";
    private static final String DOCUMENTED_TICKET = "773256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keyOrigin;

    /** Callbacks whose key_url is on this origin instead of ConnectWise's. */
    public ConnectWiseCallbacks(String keyOrigin) {
        this.keyOrigin = keyOrigin;
    }

    /** The ticket just entered: Action added, status New, no milestone yet. */
    public Callback added(long ticket, Instant enteredAt) {
        Callback callback = new Callback(documented("ticket-updated.json", ticket));
        callback.root.put("Action", "added");
        ObjectNode entity = callback.entity();
        entity.remove(List.of("dateResponded", "dateResplan", "respondMinutes", "resPlanMinutes"));
        ((ObjectNode) entity.get("status")).put("id", 1350).put("name", "New");
        entity.put("dateEntered", enteredAt.toString());
        return callback.lastUpdated(enteredAt);
    }

    /** The documented callback of the ticket, as it is: an update of an open ticket, responded to and planned. */
    public Callback updated(long ticket) {
        return new Callback(documented("ticket-updated.json", ticket));
    }

    /** The documented callback that resolves the ticket and sends its Entity as a JSON string, as it is. */
    public String resolvedWithEntityAsString(long ticket) {
        return documented("ticket-resolved-entity-string.json", ticket).toString();
    }

    private ObjectNode documented(String fixture, long ticket) {
        String text = PsaFixtures.text("connectwise/" + fixture)
                .replace(DOCUMENTED_TICKET, String.valueOf(ticket))
                .replace(CONNECTWISE_ORIGIN, keyOrigin);
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            root.put("MessageId", UUID.randomUUID().toString());
            return root;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One callback; each change of the ticket is a new message (a fresh MessageId), a redelivery the same body. */
    public static final class Callback {

        private final ObjectNode root;

        private Callback(ObjectNode root) {
            this.root = root;
        }

        /** The ticket from this callback on, in a new message of Action updated. */
        public Callback next() {
            ObjectNode copy = root.deepCopy();
            copy.put("Action", "updated").put("MessageId", UUID.randomUUID().toString());
            return new Callback(copy);
        }

        public Callback status(String name) {
            ((ObjectNode) entity().get("status")).put("name", name);
            return this;
        }

        public Callback responded(Instant at) {
            entity().put("dateResponded", at.toString());
            return this;
        }

        public Callback planned(Instant at) {
            entity().put("dateResplan", at.toString());
            return this;
        }

        /** Resolved and closed, as ConnectWise shows a completed ticket. */
        public Callback resolved(Instant at) {
            entity().put("dateResolved", at.toString()).put("closedFlag", true).put("closedDate", at.toString());
            return status("Completed");
        }

        public Callback lastUpdated(Instant at) {
            ((ObjectNode) entity().get("_info")).put("lastUpdated", at.toString());
            return this;
        }

        public Callback keyOrigin(String origin) {
            ObjectNode metadata = (ObjectNode) root.get("Metadata");
            metadata.put("key_url", metadata.get("key_url").asText().replaceFirst("^https?://[^/]+", origin));
            return this;
        }

        public String messageId() {
            return root.get("MessageId").asText();
        }

        public String json() {
            return root.toString();
        }

        private ObjectNode entity() {
            return (ObjectNode) root.get("Entity");
        }
    }
}
