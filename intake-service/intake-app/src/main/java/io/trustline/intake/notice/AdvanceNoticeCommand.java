package io.trustline.intake.notice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of a client's advance notice. */
public sealed interface AdvanceNoticeCommand {

    /**
     * Record that a client told us ahead of time what is coming and by when it must be ready. {@code givenAt} is the
     * caller's moment for a notice recorded after the fact, or null for {@code recordedAt}, the service's clock.
     */
    record GiveAdvanceNotice(@TargetAggregateIdentifier String noticeId, String tenantId, String clientId,
                             String summary, Instant neededBy, Instant givenAt, Instant recordedAt)
            implements AdvanceNoticeCommand {
    }

    /** Commands on a notice already given, sent by a tenant that must own it. */
    sealed interface OnGivenNotice extends AdvanceNoticeCommand {
        String tenantId();
    }

    /** Record that what the notice announced was delivered at {@code fulfilledAt}. */
    record FulfilAdvanceNotice(@TargetAggregateIdentifier String noticeId, String tenantId, Instant fulfilledAt,
                               String note, Instant recordedAt) implements OnGivenNotice {
    }
}
