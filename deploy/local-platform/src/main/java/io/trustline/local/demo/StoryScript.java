package io.trustline.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a story plays with: one client of the demo tenant, reached through the public APIs only, at instants counted
 * back from the demo's anchor. Every call carries an {@code Idempotency-Key} (or, for a PSA webhook, a delivery id)
 * named after the story and the step, and the anchor is the same on every run (see {@link Demo}), so a second run
 * sends the very same requests and the services record nothing new.
 */
final class StoryScript {

    private static final Duration AWAIT = Duration.ofSeconds(60);

    private final TrustlineApi api;
    private final AutotaskReceiver autotask;
    private final Instant anchorDay;
    private final String story;
    private final String clientId;
    private final Map<String, Integer> expectedOnTimeline = new TreeMap<>();

    StoryScript(TrustlineApi api, AutotaskReceiver autotask, Instant anchor, String story, String clientId) {
        this.api = api;
        this.autotask = autotask;
        this.anchorDay = anchor.truncatedTo(ChronoUnit.DAYS);
        this.story = story;
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    /** The instant {@code daysAgo} (at least 1) days before the anchor's day, at the given UTC time. */
    Instant daysAgo(int daysAgo, int hour, int minute) {
        if (daysAgo < 1) {
            throw new IllegalArgumentException("a backdated moment lies at least a day before the anchor");
        }
        return anchorDay.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
    }

    /** The anchor's day plus {@code days}, at the given UTC time (for a deadline ahead). */
    Instant daysAhead(int days, int hour) {
        return anchorDay.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour));
    }

    /** Event types and how many of each the client's timeline holds once the story is scored. */
    Map<String, Integer> expectedOnTimeline() {
        return Map.copyOf(expectedOnTimeline);
    }

    // ---- relationship moments

    void cadence(Instant at, int everyDays) {
        api.send("PUT", "relationship", clientPath("/meeting-cadence"),
                body("everyDays", everyDays, "occurredAt", at.toString()), key("cadence-" + everyDays), Set.of(200));
    }

    void meeting(String step, Instant at, String kind, boolean faceToFace, List<String> attendees, String notes) {
        moment("/meetings", step, "MeetingHeld", body("kind", kind, "faceToFace", faceToFace, "attendees", attendees,
                "notes", notes, "occurredAt", at.toString()));
    }

    void offerDeclined(String step, Instant at, String competitor, String offer, String clientWords) {
        moment("/offers-declined", step, "CompetitorOfferDeclined", body("competitor", competitor, "offer", offer,
                "clientWords", clientWords, "occurredAt", at.toString()));
    }

    void renewal(String step, Instant at, int termMonths, int amount, String currency) {
        moment("/renewals", step, "ContractRenewed", body("termMonths", termMonths,
                "value", body("amount", amount, "currency", currency), "occurredAt", at.toString()));
    }

    void gesture(String step, Instant at, String gesture, String by) {
        moment("/gestures", step, "GoodwillGesture", body("gesture", gesture, "by", by, "occurredAt", at.toString()));
    }

    void feedback(String step, Instant at, int csat, String comment, String issueId) {
        moment("/feedback", step, "FeedbackReceived", body("csat", csat, "comment", comment, "issueId", issueId,
                "occurredAt", at.toString()));
    }

    private void moment(String path, String step, String type, Map<String, Object> body) {
        api.send("POST", "relationship", clientPath(path), body, key(step), Set.of(200, 201));
        expect(type);
    }

    private String clientPath(String path) {
        return "/clients/" + clientId + path;
    }

    // ---- issues reported over intake's API, worked over incident's

    /** {@code POST /issues} with the client's expectation; answers the issue id. */
    String reportIssue(String step, Map<String, Object> report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.putAll(report);
        String issueId = api.send("POST", "intake", "/issues", body, key(step), Set.of(200, 201))
                .body().path("issueId").asText();
        expect("IssueReported");
        expect("ExpectationSet");
        return issueId;
    }

    /** The incident as incident's read model shows it, once it satisfies the condition (it follows intake's events). */
    JsonNode awaitIncident(String issueId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            TrustlineApi.Answer answer = api.get("incident", "/incidents/" + issueId, Map.of());
            if (answer.status() == 200 && condition.test(answer.body())) {
                return answer.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("incident " + issueId + " of " + clientId + " not as expected after "
                        + AWAIT.toSeconds() + " s; last answer " + answer.status() + " " + answer.body());
            }
            pause();
        }
    }

    /**
     * A lifecycle command ({@code POST /incidents/{issueId}/{command}}), at {@code at} or, when null, at the service's
     * clock; {@code type} is the event it stores, expected on the timeline (null: none counted).
     */
    void incident(String issueId, String step, String command, Map<String, Object> body, Instant at, String type) {
        Map<String, Object> sent = new LinkedHashMap<>(body);
        if (at != null) {
            sent.put("occurredAt", at.toString());
        }
        api.send("POST", "incident", "/incidents/" + issueId + "/" + command, sent, key(step), Set.of(200, 201));
        if (type != null) {
            expect(type);
        }
    }

    void expect(String type) {
        expectedOnTimeline.merge(type, 1, Integer::sum);
    }

    // ---- tickets worked in the PSA (Autotask), reaching intake as signed webhooks

    /** A new Autotask ticket of the client's company: its Create callout. */
    PsaTicket ticket(long number, Instant created, String title, String description, int priority) {
        PsaTicket ticket = new PsaTicket(number);
        ticket.fields.put("title", title);
        ticket.fields.put("description", description);
        ticket.fields.put("priority", priority);
        ticket.fields.put("contactID", 30682);
        ticket.fields.put("status", 1);
        ticket.fields.put("createDate", created.toString());
        ticket.send("Create", created);
        expect("IssueReported");
        return ticket;
    }

    /** One ticket in Autotask: each change is an Update callout carrying the ticket's fields as they now stand. */
    final class PsaTicket {

        private final long number;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private int sequence;
        private int notes;
        private String issueId;

        private PsaTicket(long number) {
            this.number = number;
            fields.put("id", number);
            fields.put("companyID", autotask.companyOf(clientId));
        }

        String issueId() {
            return issueId;
        }

        PsaTicket responded(Instant at) {
            fields.put("firstResponseDateTime", at.toString());
            return update(at, "IssueAcknowledged");
        }

        PsaTicket planned(Instant at) {
            fields.put("resolutionPlanDateTime", at.toString());
            return update(at, "ActionPlanIssued");
        }

        PsaTicket resolved(Instant at) {
            fields.put("resolvedDateTime", at.toString());
            fields.put("status", 5);
            return update(at, "IssueResolved");
        }

        /** Autotask sends the resolution as null when a ticket is reopened. */
        PsaTicket reopened(Instant at) {
            fields.put("resolvedDateTime", null);
            fields.put("status", 8);
            return update(at, "IssueReopened");
        }

        /** A note published to the client ({@code publish} 1): a proactive update. */
        PsaTicket note(Instant at, String title, String text) {
            long noteId = number * 100 + ++notes;
            Map<String, Object> note = body("id", noteId, "ticketID", number, "title", title, "description", text,
                    "publish", 1, "noteType", 1, "createDateTime", at.toString());
            autotask.send(AutotaskWebhooks.callout("Create", delivery("note-" + notes), "TicketNote", noteId,
                    TrustlineApi.JSON.valueToTree(note).toString(), at, 1));
            expect("ProactiveUpdateSent");
            return this;
        }

        private PsaTicket update(Instant at, String type) {
            fields.put("lastActivityDate", at.toString());
            if ((int) fields.get("status") == 1) {
                fields.put("status", 8);
            }
            send("Update", at);
            expect(type);
            return this;
        }

        private void send(String action, Instant at) {
            sequence++;
            if (action.equals("Create")) {
                fields.put("lastActivityDate", at.toString());
            }
            JsonNode answer = autotask.send(AutotaskWebhooks.callout(action, delivery("change-" + sequence), "Ticket",
                    number, TrustlineApi.JSON.valueToTree(fields).toString(), at, sequence));
            issueId = answer.path("issueId").asText(issueId);
        }

        private UUID delivery(String change) {
            return UUID.nameUUIDFromBytes(("trustline-demo:" + story + ":" + number + ":" + change)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    // ----

    private String key(String step) {
        return "trustline-demo-" + story + "-" + step;
    }

    /** A JSON object's fields in the order given, leaving out null values. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
