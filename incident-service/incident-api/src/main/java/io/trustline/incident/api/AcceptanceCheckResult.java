package io.trustline.incident.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The outcome of one of the client's acceptance checks (the HOW of the expectation, seed 001) when the client
 * judged a resolution; part of {@link ResolutionConfirmed}.
 *
 * @param check  the check in the client's words, as it was agreed or as they restated it (free text). Required.
 *               Since v1.
 * @param passed whether the client found the check met. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcceptanceCheckResult(String check, Boolean passed) {

    public AcceptanceCheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(passed, "passed");
    }
}
