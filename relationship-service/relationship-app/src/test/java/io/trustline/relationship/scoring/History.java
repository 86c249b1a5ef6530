package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Party;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds one client's history as a story told in order: "after 40 minutes, an action plan". */
public final class History {

    private final String prefix;
    private final List<ClientEvent> events = new ArrayList<>();
    private Instant now;

    private History(String prefix, Instant start) {
        this.prefix = prefix;
        this.now = start;
    }

    public static History startingAt(String instant) {
        return new History("e", Instant.parse(instant));
    }

    /** A history whose event ids start with {@code prefix}, so two histories never share ids. */
    public static History startingAt(String instant, String prefix) {
        return new History(prefix, Instant.parse(instant));
    }

    public History afterMinutes(long minutes) {
        now = now.plus(Duration.ofMinutes(minutes));
        return this;
    }

    public History afterHours(long hours) {
        return afterMinutes(hours * 60);
    }

    public History afterDays(long days) {
        return afterMinutes(days * 24 * 60);
    }

    public Instant now() {
        return now;
    }

    public List<ClientEvent> events() {
        return List.copyOf(events);
    }

    public String lastId() {
        return events.get(events.size() - 1).eventId();
    }

    public History add(ClientEvent event) {
        events.add(event);
        return this;
    }

    private String nextId() {
        return String.format("%s-%04d", prefix, events.size() + 1);
    }

    public History issueReported(String issue) {
        return add(new ClientEvent.IssueReported(nextId(), now, issue));
    }

    /** Reported with the WHO/WHAT/WHEN agreed at the same moment, as intake records them. */
    public History issueWithExpectation(String issue, Impact impact, Scope scope, Duration resolveWithin) {
        issueReported(issue);
        return add(new ClientEvent.ExpectationSet(nextId(), now, issue, scope, impact,
                resolveWithin == null ? null : now.plus(resolveWithin)));
    }

    public History expectationSet(String issue, Impact impact, Scope scope, Instant resolveBy) {
        return add(new ClientEvent.ExpectationSet(nextId(), now, issue, scope, impact, resolveBy));
    }

    public History expectationRevised(String issue, Party by, Instant newResolveBy) {
        return add(new ClientEvent.ExpectationRevised(nextId(), now, issue, by, newResolveBy));
    }

    public History acknowledged(String issue) {
        return add(new ClientEvent.IssueAcknowledged(nextId(), now, issue));
    }

    /** The incident's {@code phase} target passed without the response; call it at the target instant. */
    public History targetMissed(String issue, ClientEvent.ResponsePhase phase) {
        return add(new ClientEvent.ResponseTargetMissed(nextId(), now, issue, phase));
    }

    public History actionPlan(String issue) {
        return add(new ClientEvent.ActionPlanIssued(nextId(), now, issue));
    }

    public History update(String issue) {
        return add(new ClientEvent.ProactiveUpdateSent(nextId(), now, issue));
    }

    public History chased(String issue) {
        return add(new ClientEvent.ClientChasedUpdate(nextId(), now, issue));
    }

    public History updateOverdue(String issue) {
        return add(new ClientEvent.ProactiveUpdateOverdue(nextId(), now, issue));
    }

    public History disruption(String issue, Party disclosedBy) {
        return add(new ClientEvent.ServiceDisruptionAdmitted(nextId(), now, issue, disclosedBy));
    }

    public History miscommunication(String issue) {
        return add(new ClientEvent.MiscommunicationRecorded(nextId(), now, issue));
    }

    public History planCompleted(String issue) {
        return add(new ClientEvent.ActionPlanCompleted(nextId(), now, issue));
    }

    public History resolved(String issue) {
        return add(new ClientEvent.IssueResolved(nextId(), now, issue));
    }

    public History confirmed(String issue, boolean howCriteriaMet) {
        return add(new ClientEvent.ResolutionConfirmed(nextId(), now, issue, howCriteriaMet));
    }

    public History reopened(String issue) {
        return add(new ClientEvent.IssueReopened(nextId(), now, issue));
    }

    public History met(String issue) {
        return add(new ClientEvent.ExpectationMet(nextId(), now, issue));
    }

    public History missed(String issue) {
        return add(new ClientEvent.ExpectationMissed(nextId(), now, issue));
    }

    public History meeting(boolean faceToFace) {
        return add(new ClientEvent.MeetingHeld(nextId(), now, faceToFace));
    }

    public History cadenceAgreed(int everyDays) {
        return add(new ClientEvent.MeetingCadenceAgreed(nextId(), now, everyDays));
    }

    public History offerDeclined() {
        return add(new ClientEvent.CompetitorOfferDeclined(nextId(), now));
    }

    public History renewed() {
        return add(new ClientEvent.ContractRenewed(nextId(), now));
    }

    public History referral() {
        return add(new ClientEvent.ReferralGiven(nextId(), now));
    }

    public History gesture() {
        return add(new ClientEvent.GoodwillGesture(nextId(), now));
    }

    public History feedback(Integer csat, Integer nps) {
        return add(new ClientEvent.FeedbackReceived(nextId(), now, csat, nps));
    }

    /** The incident's targets, counted from now (the report, when called right after it). */
    public History responseTargets(String issue, Duration acknowledgeWithin, Duration planWithin, Duration updateEvery,
                                   Duration resolveWithin, int policyVersion) {
        return add(new ClientEvent.ResponseTargetsSet(nextId(), now, issue, now.plus(acknowledgeWithin),
                now.plus(planWithin), updateEvery, now.plus(resolveWithin), policyVersion));
    }

    /** The client gives notice now of something needed {@code ahead} from now. */
    public History noticeGiven(String notice, Duration ahead) {
        return add(new ClientEvent.AdvanceNoticeGiven(nextId(), now, notice, "new hire starts Monday", now.plus(ahead)));
    }

    /**
     * Now, we deliver what a notice given {@code leadTime} before it was needed announced; it was needed
     * {@code lateBy} ago (negative: still ahead, so on time).
     */
    public History noticeFulfilled(String notice, Duration leadTime, Duration lateBy) {
        Instant neededBy = now.minus(lateBy);
        return add(new ClientEvent.AdvanceNoticeFulfilled(nextId(), now, notice, "new hire starts Monday",
                neededBy.minus(leadTime), neededBy));
    }
}
