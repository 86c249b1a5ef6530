package io.trustline.relationship.timeline;

import java.time.Instant;

/**
 * One moment in a client's relationship, as received from the service that recorded it.
 *
 * @param eventType      the short name, e.g. {@code IssueReported}
 * @param eventId        the CloudEvent id; unique, time-ordered (UUIDv7)
 * @param occurredAt     when it happened
 * @param issueId        the issue it concerns, when it concerns one
 * @param cloudEventType the full CloudEvent type, e.g. {@code io.trustline.intake.IssueReported.v1}
 * @param source         the publishing service, e.g. {@code /trustline/intake}
 */
public record TimelineEntry(String eventType, String eventId, Instant occurredAt, String issueId, String cloudEventType,
                            String source) {
}
