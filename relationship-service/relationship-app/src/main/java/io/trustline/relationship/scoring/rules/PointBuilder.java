package io.trustline.relationship.scoring.rules;

import io.trustline.relationship.scoring.Change.Dimension;
import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.Wording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the changes of one point; each moves the client's score, held within the model's scale. */
final class PointBuilder {

    private final ClientState state;
    private final TimelinePoint.Kind kind;
    private final ClientEvent event;
    private final String eventType;
    private final String eventId;
    private final Instant at;
    private final String issueId;
    private final double trustBefore;
    private final double loyaltyBefore;
    private final List<Change> changes = new ArrayList<>();

    private PointBuilder(ClientState state, TimelinePoint.Kind kind, ClientEvent event, String eventType,
                         String eventId, Instant at, String issueId) {
        this.state = state;
        this.kind = kind;
        this.event = event;
        this.eventType = eventType;
        this.eventId = eventId;
        this.at = at;
        this.issueId = issueId;
        this.trustBefore = state.trust();
        this.loyaltyBefore = state.loyalty();
    }

    static PointBuilder forEvent(ClientState state, ClientEvent event) {
        String issueId = event instanceof ClientEvent.OfIssue ofIssue ? ofIssue.issueId() : null;
        return new PointBuilder(state, TimelinePoint.Kind.EVENT, event, event.type(), event.eventId(),
                event.occurredAt(), issueId);
    }

    static PointBuilder forTick(ClientState state, Instant tick) {
        return new PointBuilder(state, TimelinePoint.Kind.CLOCK, null, TimelinePoint.CLOCK_TYPE, "clock:" + tick,
                tick, null);
    }

    Instant at() {
        return at;
    }

    void trust(double amount, String rule, String because) {
        double before = state.trust();
        changes.add(change(Dimension.TRUST, before, amount, state.changeTrust(amount), rule, because));
    }

    void loyalty(double amount, String rule, String because) {
        double before = state.loyalty();
        changes.add(change(Dimension.LOYALTY, before, amount, state.changeLoyalty(amount), rule, because));
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
        return new TimelinePoint(kind, event, eventType, eventId, at, issueId, trustBefore, state.trust(),
                loyaltyBefore, state.loyalty(), changes, state.meetingDueAt());
    }
}
