package io.trustline.relationship.scoring.churn;

import java.util.List;

/** One reason a client may leave, in words, with the events (or clock points) behind it. */
public record ChurnCause(Kind kind, String sentence, List<String> eventIds) {

    public enum Kind {
        /** Seed 002: the review meeting is overdue. */
        MEETING_OVERDUE,
        /** Trust fell by more than the model's threshold within the window. */
        TRUST_DROP,
        /** Seed 001/003: expectations missed repeatedly within the window. */
        REPEATED_MISSES,
        /** Seed 001: the client had to chase updates repeatedly. */
        CLIENT_CHASING,
        /** Loyalty under the model's threshold. */
        LOW_LOYALTY,
        /** Seed 003: trust is low but loyalty holds: a client staying out of habit. */
        STUCK_RELATIONSHIP
    }

    public ChurnCause {
        eventIds = List.copyOf(eventIds);
    }
}
