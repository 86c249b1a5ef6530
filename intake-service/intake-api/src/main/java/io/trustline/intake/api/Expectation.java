package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What a client expects from the resolution of an issue, asked before any work starts (seed 001): who is
 * affected, what it impacts, when it must be resolved, where it happens, and how the client will judge it
 * resolved. Response targets (how soon an action plan is due, for instance) are derived from it.
 *
 * <p>A value, not an event: {@link ExpectationSet} publishes it, and the intake service's REST request
 * carries the same shape, so it holds nothing specific to either.
 *
 * @param who   who is affected. Required. Since v1.
 * @param what  what the issue impacts and what it costs. Required. Since v1.
 * @param when  by when it must be resolved, and why. Required. Since v1.
 * @param where where the issue happens and whether the fix is on site or remote. Required. Since v1.
 * @param how   how the client will consider the issue resolved. Required. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Expectation(Who who, What what, When when, Where where, How how) {

    public Expectation {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(how, "how");
    }
}
