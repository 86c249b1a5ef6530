package io.trustline.intake.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.stream.Stream;

/**
 * The parts of an {@link Expectation} an {@link ExpectationRevised} changed, each with its value before and after.
 * A part that did not change is absent (null), so at least one is present. A part changes as a whole: a new
 * {@code resolveBy} without a reason also drops the old reason, and both show in {@code when}.
 *
 * @param who   WHO is affected, before and after. Optional: null when unchanged. Since v1.
 * @param what  WHAT it impacts and costs, before and after. Optional: null when unchanged. Since v1.
 * @param when  WHEN it must be resolved (resolveBy, reason), before and after. Optional: null when unchanged.
 *              Since v1.
 * @param where WHERE it happens and whether on site or remote, before and after. Optional: null when unchanged.
 *              Since v1.
 * @param how   HOW the client will judge it resolved, before and after. Optional: null when unchanged. Since v1.
 * @since v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpectationChanges(Revised<Who> who, Revised<What> what, Revised<When> when, Revised<Where> where,
                                 Revised<How> how) {

    public ExpectationChanges {
        if (Stream.of(who, what, when, where, how).allMatch(part -> part == null)) {
            throw new IllegalArgumentException("a revision changes at least one of who, what, when, where, how");
        }
    }

    /** The changes that turn {@code before} into {@code after}, or null when they are equal. */
    public static ExpectationChanges between(Expectation before, Expectation after) {
        if (before.equals(after)) {
            return null;
        }
        return new ExpectationChanges(revised(before.who(), after.who()), revised(before.what(), after.what()),
                revised(before.when(), after.when()), revised(before.where(), after.where()),
                revised(before.how(), after.how()));
    }

    private static <T> Revised<T> revised(T before, T after) {
        return before.equals(after) ? null : new Revised<>(before, after);
    }
}
