package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Party;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds one client's history as a story told in order: "after 40 minutes, an action plan". */
final class History {

    private final String prefix;
    private final List<ClientEvent> events = new ArrayList<>();
    private Instant now;

    private History(String prefix, Instant start) {
        this.prefix = prefix;
        this.now = start;
    }

    static History startingAt(String instant) {
        return new History("e", Instant.parse(instant));
    }

    /** A history whose event ids start with {@code prefix}, so two histories never share ids. */
    static History startingAt(String instant, String prefix) {
        return new History(prefix, Instant.parse(instant));
    }

    History afterMinutes(long minutes) {
        now = now.plus(Duration.ofMinutes(minutes));
        return this;
    }

    History afterHours(long hours) {
        return afterMinutes(hours * 60);
    }

    History afterDays(long days) {
        return afterMinutes(days * 24 * 60);
    }

    Instant now() {
        return now;
    }

    List<ClientEvent> events() {
        return List.copyOf(events);
    }

    String lastId() {
        return events.get(events.size() - 1).eventId();
    }

    History add(ClientEvent event) {
        events.add(event);
        return this;
    }

    private String nextId() {
        return String.format("%s-%04d", prefix, events.size() + 1);
    }

    History issueReported(String issue) {
        return add(new ClientEvent.IssueReported(nextId(), now, issue));
    }

    /** Reported with the WHO/WHAT/WHEN agreed at the same moment, as intake records them. */
    History issueWithExpectation(String issue, Impact impact, Scope scope, Duration resolveWithin) {
        issueReported(issue);
        return add(new ClientEvent.ExpectationSet(nextId(), now, issue, scope, impact,
                resolveWithin == null ? null : now.plus(resolveWithin)));
    }

    History expectationSet(String issue, Impact impact, Scope scope, Instant resolveBy) {
        return add(new ClientEvent.ExpectationSet(nextId(), now, issue, scope, impact, resolveBy));
    }

    History expectationRevised(String issue, Party by, Instant newResolveBy) {
        return add(new ClientEvent.ExpectationRevised(nextId(), now, issue, by, newResolveBy));
    }

    History acknowledged(String issue) {
        return add(new ClientEvent.IssueAcknowledged(nextId(), now, issue));
    }

    History actionPlan(String issue) {
        return add(new ClientEvent.ActionPlanIssued(nextId(), now, issue));
    }

    History update(String issue) {
        return add(new ClientEvent.ProactiveUpdateSent(nextId(), now, issue));
    }

    History chased(String issue) {
        return add(new ClientEvent.ClientChasedUpdate(nextId(), now, issue));
    }

    History updateOverdue(String issue) {
        return add(new ClientEvent.ProactiveUpdateOverdue(nextId(), now, issue));
    }

    History disruption(String issue, Party disclosedBy) {
        return add(new ClientEvent.ServiceDisruptionAdmitted(nextId(), now, issue, disclosedBy));
    }

    History miscommunication(String issue) {
        return add(new ClientEvent.MiscommunicationRecorded(nextId(), now, issue));
    }

    History planCompleted(String issue) {
        return add(new ClientEvent.ActionPlanCompleted(nextId(), now, issue));
    }

    History resolved(String issue) {
        return add(new ClientEvent.IssueResolved(nextId(), now, issue));
    }

    History confirmed(String issue, boolean howCriteriaMet) {
        return add(new ClientEvent.ResolutionConfirmed(nextId(), now, issue, howCriteriaMet));
    }

    History reopened(String issue) {
        return add(new ClientEvent.IssueReopened(nextId(), now, issue));
    }

    History met(String issue) {
        return add(new ClientEvent.ExpectationMet(nextId(), now, issue));
    }

    History missed(String issue) {
        return add(new ClientEvent.ExpectationMissed(nextId(), now, issue));
    }

    History meeting(boolean faceToFace) {
        return add(new ClientEvent.MeetingHeld(nextId(), now, faceToFace));
    }

    History cadenceAgreed(int everyDays) {
        return add(new ClientEvent.MeetingCadenceAgreed(nextId(), now, everyDays));
    }

    History offerDeclined() {
        return add(new ClientEvent.CompetitorOfferDeclined(nextId(), now));
    }

    History renewed() {
        return add(new ClientEvent.ContractRenewed(nextId(), now));
    }

    History referral() {
        return add(new ClientEvent.ReferralGiven(nextId(), now));
    }

    History gesture() {
        return add(new ClientEvent.GoodwillGesture(nextId(), now));
    }

    History feedback(Integer csat, Integer nps) {
        return add(new ClientEvent.FeedbackReceived(nextId(), now, csat, nps));
    }
}
