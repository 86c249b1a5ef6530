/**
 * The integration events the relationship service publishes on
 * {@value io.trustline.relationship.api.RelationshipTopics#EVENTS}: the moments of a client relationship that
 * the provider records, one record each with its CloudEvent type in
 * {@link io.trustline.relationship.api.RelationshipEventTypes}: meetings held and the meeting cadence agreed
 * (seed 002), competitor offers declined (seed 004), contract renewals, referrals, goodwill gestures (seed 000)
 * and feedback scores.
 *
 * <p>Each record is the JSON {@code data} of a CloudEvent (specversion 1.0) whose {@code source} is
 * {@code /trustline/relationship}, {@code subject} is the client id and extension {@code tenantid} the tenant id.
 * The Kafka record key is {@code <tenantId>:<clientId>}, so one client's events stay in order.
 *
 * <p>JSON rules, for producers and consumers alike: timestamps are ISO-8601 UTC strings; absent optional fields
 * are omitted rather than written as {@code null}; unknown fields are ignored when reading, so a new optional
 * field is an additive change. Removing or renaming a field, making an optional field required, changing a unit
 * or adding an enum constant is a breaking change and ships as a new {@code .v2} type. Golden JSON files of
 * every event live in this module's tests and ship in its test jar.
 *
 * <p>Events check their own invariants when constructed, and so when read: a missing required component fails
 * with a {@link java.lang.NullPointerException} naming it, an out-of-range value with an
 * {@link java.lang.IllegalArgumentException}. Lists are unmodifiable copies.
 *
 * <p>Still to come here: the events derived from the trust and loyalty projections ({@code TrustChanged},
 * {@code LoyaltyChanged}, {@code ChurnRiskRaised}, {@code ChurnRiskCleared}).
 *
 * <p>This package depends on nothing but the JDK and Jackson annotations.
 *
 * @since v1
 */
package io.trustline.relationship.api;
