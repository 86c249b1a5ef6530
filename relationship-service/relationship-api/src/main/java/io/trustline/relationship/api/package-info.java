/**
 * The integration events the relationship service will publish on
 * {@value io.trustline.relationship.api.RelationshipTopics#EVENTS}. None is published yet.
 *
 * <p>Planned here are the relationship facts (meetings held, competitor offers declined, contracts renewed,
 * referrals, goodwill gestures, feedback) and the events derived from the trust and loyalty projections:
 * {@code TrustChanged}, {@code LoyaltyChanged}, {@code ChurnRiskRaised} and {@code ChurnRiskCleared}. Each
 * will be a record here with its CloudEvent type {@code io.trustline.relationship.<EventName>.v1} and a
 * golden JSON file, following the same rules as the intake and incident events: CloudEvent subject and the
 * second half of the Kafka record key {@code <tenantId>:<clientId>} are the client id, timestamps are ISO-8601
 * UTC strings, absent optional fields are omitted, unknown fields are ignored when reading, and a breaking
 * change ships as a new {@code .v2} type.
 *
 * <p>This package depends on nothing but the JDK and Jackson annotations.
 *
 * @since v1
 */
package io.trustline.relationship.api;
