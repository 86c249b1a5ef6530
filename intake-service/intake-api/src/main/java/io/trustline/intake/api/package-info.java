/**
 * The integration events the intake service publishes on {@value io.trustline.intake.api.IntakeTopics#EVENTS}:
 * a client reported an issue ({@link io.trustline.intake.api.IssueReported}) and what the client expects
 * from its resolution ({@link io.trustline.intake.api.ExpectationSet}, seed 001's who / what / when / where /
 * how), how that expectation moved later ({@link io.trustline.intake.api.ExpectationRevised}), the PSA ticket
 * an issue was linked to ({@link io.trustline.intake.api.PsaTicketLinked}), and a client's advance notice of
 * something coming ({@link io.trustline.intake.api.AdvanceNoticeGiven}) and its delivery
 * ({@link io.trustline.intake.api.AdvanceNoticeFulfilled}).
 *
 * <p>Each record is the JSON {@code data} of a CloudEvent (specversion 1.0) whose {@code type} is one of
 * {@link io.trustline.intake.api.IntakeEventTypes}, {@code source} is {@code /trustline/intake},
 * {@code subject} is the client id and extension {@code tenantid} the tenant id. The Kafka record key is
 * {@code <tenantId>:<clientId>}, so one client's events stay in order.
 *
 * <p>JSON rules, for producers and consumers alike: timestamps are ISO-8601 UTC strings; absent optional
 * fields are omitted rather than written as {@code null}; unknown fields are ignored when reading, so a new
 * optional field is an additive change. Removing or renaming a field, making an optional field required,
 * changing a unit or adding an enum constant is a breaking change and ships as a new {@code .v2} type.
 * Golden JSON files of every event live in this module's tests.
 *
 * <p>Events check their own invariants when constructed, and so when read: a missing required component
 * fails with a {@link java.lang.NullPointerException} naming it, an out-of-range value (an empty list that
 * must hold at least one element, for example) with an {@link java.lang.IllegalArgumentException}. Optional
 * lists are never null: absent reads as empty. Lists are unmodifiable copies.
 *
 * <p>This package depends on nothing but the JDK and Jackson annotations.
 *
 * @since v1
 */
package io.trustline.intake.api;
