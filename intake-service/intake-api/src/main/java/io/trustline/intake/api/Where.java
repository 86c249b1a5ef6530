package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Where an issue happens: the WHERE of an {@link Expectation}.
 *
 * @param location where the affected people or systems are, free text (for example "head office", "Jo's home
 *                 office", "Leeds branch"). Required. Since v1.
 * @param workMode whether the issue is to be handled on site or remotely. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Where(String location, WorkMode workMode) {

    public Where {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(workMode, "workMode");
    }
}
