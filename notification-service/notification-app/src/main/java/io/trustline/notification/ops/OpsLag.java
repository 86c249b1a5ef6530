package io.trustline.notification.ops;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far behind each Trustline consumer group is: in offsets per partition (the same for every tenant), and in the
 * caller's own events not yet applied.
 */
@Schema(description = "Each Trustline consumer group's lag per partition, and the caller's events it has not applied "
        + "yet: per type, for which clients, and how old the oldest is.", example = OpsLag.EXAMPLE)
public record OpsLag(
        @Schema(required = true, description = "when the offsets were asked for; ages count to it")
        Instant measuredAt,
        @Schema(required = true) Sample sample,
        @Schema(required = true, description = "ordered by group id; empty when no Trustline group exists")
        List<GroupLag> groups) {

    static final String EXAMPLE = """
            {"measuredAt": "2026-03-04T10:15:00.120Z",
             "sample": {"limit": 10000, "recordsRead": 7, "truncated": false, "truncatedBy": null},
             "groups": [{"groupId": "trustline-notification-webhook-delivery", "service": "notification",
               "state": "STABLE", "members": 1, "lag": 7,
               "partitions": [
                 {"topic": "trustline.incident.v1", "partition": 0, "committedOffset": 812, "endOffset": 812, "lag": 0},
                 {"topic": "trustline.intake.v1", "partition": 0, "committedOffset": 1204, "endOffset": 1209, "lag": 5},
                 {"topic": "trustline.intake.v1", "partition": 1, "committedOffset": null, "endOffset": 2, "lag": 2}],
               "unapplied": {"complete": true, "events": 4,
                 "byType": [{"type": "io.trustline.intake.IssueReported.v1", "count": 3},
                            {"type": "io.trustline.intake.ExpectationSet.v1", "count": 1}],
                 "clientCount": 2, "clients": ["acme-dental", "bright-law"],
                 "oldestEventTime": "2026-03-04T09:58:40Z", "oldestEventAge": "PT16M20S"}}]}""";

    /** Why the unapplied events were not all read. */
    public enum Truncation {
        /** {@code trustline.ops.lag.sample-limit} records were read */
        SAMPLE_LIMIT,
        /** reading took {@code trustline.ops.lag.read-time-limit} */
        TIME_LIMIT
    }

    /** How many lagging records were read, of every tenant, to count the caller's. */
    @Schema(description = "The lagging records read to count the unapplied events (records of every tenant count, "
            + "since a record's tenant is known only once it is read). When truncated, the counts are of the records "
            + "read: lower bounds.")
    public record Sample(
            @Schema(required = true, description = "most records one request reads (trustline.ops.lag.sample-limit)",
                    example = "10000") int limit,
            @Schema(required = true, example = "7") int recordsRead,
            @Schema(required = true, description = "true when some lagging record was not read") boolean truncated,
            @Schema(nullable = true, description = "why not, when truncated") Truncation truncatedBy) {
    }

    /** One consumer group. */
    public record GroupLag(
            @Schema(required = true, description = "trustline-<service>-<subscriber>",
                    example = "trustline-notification-webhook-delivery") String groupId,
            @Schema(required = true, description = "the service part of the group id", example = "notification")
            String service,
            @Schema(required = true, description = "Kafka's group state; EMPTY means no instance consumes for it",
                    example = "STABLE") String state,
            @Schema(required = true, description = "instances consuming for the group", example = "1") int members,
            @Schema(required = true, description = "records not yet applied, all tenants: the sum over the partitions",
                    example = "7") long lag,
            @Schema(required = true, description = "by topic, then partition number") List<PartitionLag> partitions,
            @Schema(required = true) UnappliedEvents unapplied) {
    }

    /** Infrastructure figures of one partition the group consumes: offsets count every tenant's records. */
    public record PartitionLag(
            @Schema(required = true, example = "trustline.intake.v1") String topic,
            @Schema(required = true, example = "0") int partition,
            @Schema(nullable = true, description = "the next offset the group will apply; null when it has committed "
                    + "none on this partition yet (it then starts at the log's first record)", example = "1204")
            Long committedOffset,
            @Schema(required = true, description = "the offset the next record will get (read-committed)",
                    example = "1209") long endOffset,
            @Schema(required = true, description = "records between the two", example = "5") long lag) {
    }

    /** The caller's events among the group's lagging records (those of other tenants are not counted). */
    @Schema(description = "The caller's events the group has not applied yet (its CloudEvent tenantid is the caller's).")
    public record UnappliedEvents(
            @Schema(required = true, description = "false when the sample was truncated before all of this group's "
                    + "lagging records were read: the counts are then lower bounds") boolean complete,
            @Schema(required = true, example = "4") long events,
            @Schema(required = true, description = "events per CloudEvent type, most first") List<TypeCount> byType,
            @Schema(required = true, description = "distinct clients (CloudEvent subject) among them", example = "2")
            int clientCount,
            @Schema(required = true, description = "the client ids, alphabetically, at most "
                    + "trustline.ops.lag.client-limit of them") List<String> clients,
            @Schema(nullable = true, description = "the CloudEvent time of the oldest; null when there is none")
            Instant oldestEventTime,
            @Schema(nullable = true, format = "duration", description = "ISO-8601 duration from the oldest's time to "
                    + "measuredAt, in whole seconds", example = "PT16M20S") String oldestEventAge) {
    }

    public record TypeCount(
            @Schema(required = true, example = "io.trustline.intake.IssueReported.v1") String type,
            @Schema(required = true, example = "3") long count) {
    }
}
