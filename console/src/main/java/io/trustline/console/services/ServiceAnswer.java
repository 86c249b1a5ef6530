package io.trustline.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's answer: its status and JSON body (a {@code MissingNode} when it had none).
 */
public record ServiceAnswer(int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * A 400 problem's {@code errors[]} as field → message (the first message of each field), for showing next to
     * the form's fields; a problem without {@code errors} gives its {@code detail} under the empty field name.
     */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : body.path("errors")) {
            errors.putIfAbsent(error.path("field").asText(""), error.path("message").asText(error.path("detail").asText("invalid")));
        }
        if (errors.isEmpty()) {
            errors.put("", body.path("detail").asText(body.path("title").asText("the service refused it (" + status + ")")));
        }
        return errors;
    }
}
