package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The person at the client who reported an issue, and how to reach them.
 *
 * @param name  the person's name as they gave it. Required. Since v1.
 * @param email the person's email address. Optional: null when not given. Since v1.
 * @param phone the person's phone number, free text as given (no normalised format). Optional: null when not
 *              given. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reporter(String name, String email, String phone) {

    public Reporter {
        Objects.requireNonNull(name, "name");
    }
}
