package io.trustline.console.client;

import jakarta.ws.rs.FormParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a moment form posts: every form's fields (each form fills its own), plus the Idempotency-Key generated when the
 * form was rendered, so a double submit records once.
 */
public class MomentForm {

    @FormParam("idempotencyKey") public String idempotencyKey;
    @FormParam("kind") public String kind;
    @FormParam("faceToFace") public String faceToFace;
    @FormParam("attendees") public String attendees;
    @FormParam("notes") public String notes;
    @FormParam("competitor") public String competitor;
    @FormParam("offer") public String offer;
    @FormParam("clientWords") public String clientWords;
    @FormParam("gesture") public String gesture;
    @FormParam("by") public String by;
    @FormParam("referred") public String referred;
    @FormParam("termMonths") public String termMonths;
    @FormParam("amount") public String amount;
    @FormParam("currency") public String currency;
    @FormParam("score") public String score;
    @FormParam("scale") public String scale;
    @FormParam("comment") public String comment;

    /** The fields as they were typed, to fill the form again next to the service's errors. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "kind", kind);
        put(values, "faceToFace", faceToFace);
        put(values, "attendees", attendees);
        put(values, "notes", notes);
        put(values, "competitor", competitor);
        put(values, "offer", offer);
        put(values, "clientWords", clientWords);
        put(values, "gesture", gesture);
        put(values, "by", by);
        put(values, "referred", referred);
        put(values, "termMonths", termMonths);
        put(values, "amount", amount);
        put(values, "currency", currency);
        put(values, "score", score);
        put(values, "scale", scale);
        put(values, "comment", comment);
        return values;
    }

    /** One attendee a line, blank lines dropped. */
    List<String> attendeeList() {
        return attendees == null ? List.of() : Arrays.stream(attendees.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void put(Map<String, String> values, String name, String value) {
        values.put(name, value == null ? "" : value);
    }
}
