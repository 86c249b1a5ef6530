package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.Change.Dimension;
import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.Wording;
import io.trustline.relationship.scoring.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the changes of one point, applying each to the state clamped to the model's range. */
final class PointBuilder {

    private final ClientState state;
    private final TimelinePoint.Kind kind;
    private final String eventType;
    private final String eventId;
    private final Instant at;
    private final String issueId;
    private final double trustBefore;
    private final double loyaltyBefore;
    private final List<Change> changes = new ArrayList<>();

    PointBuilder(ClientState state, TimelinePoint.Kind kind, String eventType, String eventId, Instant at,
                 String issueId) {
        this.state = state;
        this.kind = kind;
        this.eventType = eventType;
        this.eventId = eventId;
        this.at = at;
        this.issueId = issueId;
        this.trustBefore = state.trust;
        this.loyaltyBefore = state.loyalty;
    }

    Instant at() {
        return at;
    }

    void trust(double amount, String rule, String because) {
        double before = state.trust;
        state.trust = clamp(before + amount);
        state.trustLowSinceTick = Math.min(state.trustLowSinceTick, state.trust);
        state.trustHighSinceTick = Math.max(state.trustHighSinceTick, state.trust);
        changes.add(change(Dimension.TRUST, before, amount, state.trust, rule, because));
    }

    void loyalty(double amount, String rule, String because) {
        double before = state.loyalty;
        state.loyalty = clamp(before + amount);
        changes.add(change(Dimension.LOYALTY, before, amount, state.loyalty, rule, because));
    }

    private static Change change(Dimension dimension, double before, double amount, double after, String rule,
                                 String because) {
        if (after == before + amount) {
            return new Change(dimension, amount, rule, because);
        }
        return new Change(dimension, after - before, rule,
                because + " (" + Wording.signed(amount) + " by the rule, held at the end of the scale)");
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    TimelinePoint build() {
        return new TimelinePoint(kind, eventType, eventId, at, issueId, trustBefore, state.trust, loyaltyBefore,
                state.loyalty, changes, state.meetingDueAt());
    }

    private double clamp(double score) {
        ScoringModel.Scores range = state.model.scores();
        return Math.max(range.min(), Math.min(range.max(), score));
    }
}
