package io.trustline.console.client;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The relationship moments the client page records, each as the relationship service's command: its path under
 * {@code /clients/{clientId}} and the JSON body built from the form. Optional fields left blank are left out; a
 * number that is not one is sent as typed, so the service's 400 names the field.
 */
enum Moment {
    MEETING("meetings", "Meeting held", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", blankToNull(form.kind));
        body.put("faceToFace", form.faceToFace != null);
        body.put("attendees", form.attendeeList());
        optional(body, "notes", form.notes);
        return body;
    }),
    OFFER_DECLINED("offers-declined", "Competitor offer declined", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("competitor", blankToNull(form.competitor));
        body.put("offer", blankToNull(form.offer));
        optional(body, "clientWords", form.clientWords);
        return body;
    }),
    GESTURE("gestures", "Goodwill gesture", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gesture", blankToNull(form.gesture));
        body.put("by", blankToNull(form.by));
        return body;
    }),
    REFERRAL("referrals", "Referral given", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referred", blankToNull(form.referred));
        return body;
    }),
    RENEWAL("renewals", "Contract renewed", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("termMonths", number(form.termMonths));
        if (!isBlank(form.amount) || !isBlank(form.currency)) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("amount", number(form.amount));
            value.put("currency", blankToNull(form.currency));
            body.put("value", value);
        }
        return body;
    }),
    FEEDBACK("feedback", "Feedback received", form -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nps".equals(form.scale) ? "nps" : "csat", number(form.score));
        optional(body, "comment", form.comment);
        return body;
    });

    private final String path;
    private final String title;
    private final Function<MomentForm, Map<String, Object>> body;

    Moment(String path, String title, Function<MomentForm, Map<String, Object>> body) {
        this.path = path;
        this.title = title;
        this.body = body;
    }

    /** The moment a form posts to, by its path segment ({@code meetings}, {@code gestures}, …). */
    static Optional<Moment> byPath(String path) {
        for (Moment moment : values()) {
            if (moment.path.equals(path)) {
                return Optional.of(moment);
            }
        }
        return Optional.empty();
    }

    String path() {
        return path;
    }

    String title() {
        return title;
    }

    Map<String, Object> body(MomentForm form) {
        return body.apply(form);
    }

    private static Object number(String typed) {
        if (isBlank(typed)) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException notANumber) {
            return typed;
        }
    }

    private static void optional(Map<String, Object> body, String field, String value) {
        if (!isBlank(value)) {
            body.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
