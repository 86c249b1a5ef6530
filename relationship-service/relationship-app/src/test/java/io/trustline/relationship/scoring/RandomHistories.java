package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Party;
import io.trustline.relationship.scoring.ClientEvent.ResponsePhase;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plausible client histories from a seed: issues with their lifecycle (some handled well, some
 * badly, some held to the incident's response targets and missing them), meetings, offers,
 * feedback, spread over months, with some events sharing an instant so the event-id tie-break is
 * exercised. The same seed always gives the same history.
 */
final class RandomHistories {

    private static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private final Random random;
    private final List<ClientEvent> events = new ArrayList<>();

    private RandomHistories(long seed) {
        this.random = new Random(seed);
    }

    /** About {@code size} events of one client. */
    static List<ClientEvent> history(long seed, int size) {
        RandomHistories histories = new RandomHistories(seed);
        Instant at = EPOCH.plus(Duration.ofHours(histories.random.nextInt(24 * 30)));
        int issue = 0;
        while (histories.events.size() < size) {
            at = at.plus(Duration.ofMinutes(histories.random.nextInt(60 * 24 * 4)));
            if (histories.random.nextInt(4) == 0) {
                histories.relationshipEvent(at);
            } else {
                histories.issue("issue-" + seed + "-" + issue++, at);
            }
        }
        return List.copyOf(histories.events.subList(0, size));
    }

    private void issue(String issueId, Instant reported) {
        add(new ClientEvent.IssueReported(id(), reported, issueId));
        Instant resolveBy = reported.plus(Duration.ofHours(1 + random.nextInt(72)));
        if (random.nextInt(4) > 0) {
            add(new ClientEvent.ExpectationSet(id(), reported, issueId, pick(Scope.values()), pick(Impact.values()),
                    random.nextBoolean() ? resolveBy : null));
        }
        if (random.nextInt(3) == 0) {
            add(new ClientEvent.ResponseTargetsSet(id(), reported, issueId,
                    reported.plus(Duration.ofMinutes(5 + random.nextInt(120))),
                    reported.plus(Duration.ofMinutes(30 + random.nextInt(600))),
                    Duration.ofMinutes(30 + random.nextInt(600)), resolveBy, random.nextInt(4)));
        }
        Instant at = reported;
        int steps = 2 + random.nextInt(8);
        for (int i = 0; i < steps; i++) {
            // a fifth of the steps share the instant of the previous one: ties are ordered by id
            at = random.nextInt(5) == 0 ? at : at.plus(Duration.ofMinutes(1 + random.nextInt(600)));
            add(lifecycleEvent(issueId, at, resolveBy));
        }
    }

    private ClientEvent lifecycleEvent(String issueId, Instant at, Instant resolveBy) {
        return switch (random.nextInt(18)) {
            case 0 -> new ClientEvent.IssueAcknowledged(id(), at, issueId);
            case 1, 2 -> new ClientEvent.ActionPlanIssued(id(), at, issueId);
            case 3, 4 -> new ClientEvent.ProactiveUpdateSent(id(), at, issueId);
            case 5 -> new ClientEvent.ClientChasedUpdate(id(), at, issueId);
            case 6 -> new ClientEvent.ProactiveUpdateOverdue(id(), at, issueId);
            case 7 -> new ClientEvent.ServiceDisruptionAdmitted(id(), at, issueId, pick(Party.values()));
            case 8 -> new ClientEvent.MiscommunicationRecorded(id(), at, issueId);
            case 9 -> new ClientEvent.ActionPlanCompleted(id(), at, issueId);
            case 10 -> new ClientEvent.IssueResolved(id(), at, issueId);
            case 11 -> new ClientEvent.ResolutionConfirmed(id(), at, issueId, random.nextBoolean());
            case 12 -> new ClientEvent.IssueReopened(id(), at, issueId);
            case 13 -> new ClientEvent.ExpectationMet(id(), at, issueId);
            case 14 -> new ClientEvent.ExpectationMissed(id(), at, issueId);
            case 15, 16 -> new ClientEvent.ResponseTargetMissed(id(), at, issueId, pick(ResponsePhase.values()));
            default -> new ClientEvent.ExpectationRevised(id(), at, issueId, pick(Party.values()),
                    random.nextBoolean() ? resolveBy.plus(Duration.ofHours(random.nextInt(48))) : null);
        };
    }

    private void relationshipEvent(Instant at) {
        add(switch (random.nextInt(10)) {
            case 0, 1 -> new ClientEvent.MeetingHeld(id(), at, random.nextBoolean());
            case 2 -> new ClientEvent.MeetingCadenceAgreed(id(), at, 7 + random.nextInt(60));
            case 3 -> new ClientEvent.CompetitorOfferDeclined(id(), at);
            case 4 -> new ClientEvent.ContractRenewed(id(), at);
            case 5 -> new ClientEvent.ReferralGiven(id(), at);
            case 6 -> new ClientEvent.GoodwillGesture(id(), at);
            case 7 -> notice(at, at.plus(Duration.ofHours(random.nextInt(48) - 24)));
            default -> new ClientEvent.FeedbackReceived(id(), at,
                    random.nextBoolean() ? 1 + random.nextInt(5) : null, random.nextInt(11));
        });
    }

    /** A notice fulfilled at {@code at}, needed by {@code neededBy} and given 1 to 240 hours before that. */
    private ClientEvent notice(Instant at, Instant neededBy) {
        return new ClientEvent.AdvanceNoticeFulfilled(id(), at, "n-" + random.nextInt(3), "new hire starts Monday",
                neededBy.minus(Duration.ofHours(1 + random.nextInt(240))), neededBy);
    }

    private void add(ClientEvent event) {
        events.add(event);
    }

    /** Random, not time-ordered ids: the tie-break must not depend on ids following time. */
    private String id() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
