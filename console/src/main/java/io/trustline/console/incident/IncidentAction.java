package io.trustline.console.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incident service's lifecycle commands the page offers as forms: each its path under {@code /incidents/{issueId}/},
 * the states it is offered in (the service's state rules; the service still decides, and a 409 is shown) and how the
 * form becomes the command's JSON body.
 */
enum IncidentAction {
    ACKNOWLEDGE("acknowledgement", "Acknowledge", Set.of("OPEN")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("by", form.by, "note", form.note);
        }
    },
    ACTION_PLAN("action-plan", "Issue an action plan", Set.of("OPEN")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            Map<String, Object> body = fields("owner", form.owner, "eta", instant(form.eta));
            body.put("steps", lines(form.steps));
            return body;
        }
    },
    COMPLETE_PLAN("action-plan/completion", "Complete the action plan", Set.of("OPEN", "RESOLVED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("note", form.note);
        }
    },
    UPDATE("updates", "Send a proactive update", Set.of("OPEN", "RESOLVED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("message", form.message, "channel", form.channel);
        }
    },
    CHASE("chases", "Record a client's chase", Set.of("OPEN", "RESOLVED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("channel", form.channel, "asked", form.asked);
        }
    },
    DISRUPTION("disruptions", "Admit a disruption", Set.of("OPEN", "RESOLVED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("discovery", form.discovery, "whatHappened", form.whatHappened);
        }
    },
    RESOLVE("resolution", "Resolve", Set.of("OPEN")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("summary", form.summary);
        }
    },
    CONFIRM("confirmation", "Record the client's confirmation", Set.of("RESOLVED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            Map<String, Object> body = fields("comment", form.comment);
            body.put("howCriteriaMet", "true".equals(form.howCriteriaMet));
            List<Map<String, Object>> checks = new ArrayList<>();
            List<String> passed = form.passed == null ? List.of() : form.passed;
            for (String check : form.checks == null ? List.<String>of() : form.checks) {
                checks.add(Map.of("check", check, "passed", passed.contains(check)));
            }
            body.put("checks", checks);
            return body;
        }
    },
    REOPEN("reopening", "Reopen", Set.of("RESOLVED", "CONFIRMED")) {
        @Override
        Map<String, Object> body(ActionForm form) {
            return fields("reason", form.reason);
        }
    };

    private final String path;
    private final String label;
    private final Set<String> offeredIn;

    IncidentAction(String path, String label, Set<String> offeredIn) {
        this.path = path;
        this.label = label;
        this.offeredIn = offeredIn;
    }

    abstract Map<String, Object> body(ActionForm form);

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** The form's name in the page and its post URL: the path with {@code /} as {@code -}. */
    public String slug() {
        return path.replace('/', '-');
    }

    boolean offeredIn(String state) {
        return offeredIn.contains(state);
    }

    static Optional<IncidentAction> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug().equals(slug)).findFirst();
    }

    /** Fields a person filled: a blank one is left out, so the service names what is missing. */
    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                body.put(namesAndValues[i], value.strip());
            }
        }
        return body;
    }

    /** A {@code datetime-local} value is read in UTC, as the page shows every time; anything else goes as typed. */
    private static String instant(String local) {
        if (local != null && local.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            return local + ":00Z";
        }
        return local;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
