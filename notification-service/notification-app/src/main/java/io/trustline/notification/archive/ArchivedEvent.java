package io.trustline.notification.archive;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An intake or incident event as it was received, kept for replays and backfills.
 *
 * @param subject the CloudEvent subject (the client id); null when it had none
 * @param body    the structured-mode CloudEvent exactly as a delivery POSTs it
 */
public record ArchivedEvent(String tenantId, String eventId, String type, String subject, Instant time, String body) {

    private static final EventFormat STRUCTURED = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    /** The event's body as a structured-mode CloudEvent, the form deliveries POST and filters read. */
    public static String structured(CloudEvent event) {
        return new String(STRUCTURED.serialize(event), StandardCharsets.UTF_8);
    }

    /** The CloudEvent read back from the body, for filters. */
    public CloudEvent cloudEvent() {
        return STRUCTURED.deserialize(body.getBytes(StandardCharsets.UTF_8));
    }

    public ArchivePosition position() {
        return new ArchivePosition(time, eventId);
    }
}
