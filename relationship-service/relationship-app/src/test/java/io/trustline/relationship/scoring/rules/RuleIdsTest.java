package io.trustline.relationship.scoring.rules;

import static io.trustline.relationship.scoring.ClientEvent.Impact.DEGRADED;
import static io.trustline.relationship.scoring.ClientEvent.Impact.STOPPED;
import static io.trustline.relationship.scoring.ClientEvent.Party.CLIENT;
import static io.trustline.relationship.scoring.ClientEvent.Party.PROVIDER;
import static io.trustline.relationship.scoring.ClientEvent.ResponsePhase.ACKNOWLEDGE;
import static io.trustline.relationship.scoring.ClientEvent.ResponsePhase.PLAN;
import static io.trustline.relationship.scoring.ClientEvent.Scope.EVERYONE;
import static io.trustline.relationship.scoring.ClientEvent.Scope.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.trustline.relationship.scoring.Change;
import io.trustline.relationship.scoring.Change.Dimension;
import io.trustline.relationship.scoring.History;
import io.trustline.relationship.scoring.Scoring;
import io.trustline.relationship.scoring.Timeline;
import io.trustline.relationship.scoring.TimelinePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule id of {@code trustline-default@1}, as the README's rule table lists it: a short
 * history in which the rule fires, and the change it makes (score, amount) under that id.
 */
class RuleIdsTest {

    private static final String MONDAY = "2026-03-02T09:00:00Z";
    private static final Path README = Path.of("../README.md");

    /** Rule id -> the change expected the first time it fires in the history. */
    private static final Map<String, Expected> CASES = new LinkedHashMap<>();

    static {
        expect("001.expectations-first", Dimension.TRUST, 2, RuleIdsTest::issue);
        expect("001.acknowledged-in-target", Dimension.TRUST, 1, () -> issue().afterMinutes(10).acknowledged("i1"));
        expect("001.acknowledged-late", Dimension.TRUST, -1, () -> issue().afterMinutes(20).acknowledged("i1"));
        expect("001.acknowledge-target-missed", Dimension.TRUST, -1,
                () -> issue().afterMinutes(15).targetMissed("i1", ACKNOWLEDGE));
        expect("001.action-plan-in-target", Dimension.TRUST, 3, () -> issue().afterMinutes(40).actionPlan("i1"));
        expect("001.action-plan-late", Dimension.TRUST, -2, () -> issue().afterMinutes(90).actionPlan("i1"));
        expect("001.action-plan-target-missed", Dimension.TRUST, -2,
                () -> issue().afterMinutes(60).targetMissed("i1", PLAN));
        expect("001.update-in-cadence", Dimension.TRUST, 1, () -> planned().afterMinutes(45).update("i1"));
        expect("001.update-late", Dimension.TRUST, 0, () -> planned().afterHours(2).update("i1"));
        expect("001.update-overdue", Dimension.TRUST, -2, () -> planned().afterHours(2).updateOverdue("i1"));
        expect("001.client-chased", Dimension.TRUST, -3, () -> planned().afterHours(2).chased("i1"));
        expect("001.action-plan-completed", Dimension.TRUST, 1, () -> planned().afterHours(1).planCompleted("i1"));
        expect("001.resolved-in-target", Dimension.TRUST, 1, () -> planned().afterHours(1).resolved("i1"));
        expect("001.resolved-late", Dimension.TRUST, 0, () -> planned().afterHours(5).resolved("i1"));
        expect("001.expectation-met", Dimension.TRUST, 3, () -> planned().afterHours(1).met("i1"));
        expect("001.expectation-missed", Dimension.TRUST, -16, () -> planned().afterHours(5).missed("i1"));
        expect("001.revised-in-time", Dimension.TRUST, -1,
                () -> withDeadline().afterHours(1).expectationRevised("i1", PROVIDER, null));
        expect("001.revised-too-late", Dimension.TRUST, -12,
                () -> withDeadline().afterHours(3).expectationRevised("i1", PROVIDER, null));
        expect("001.revised-by-client", Dimension.TRUST, 0,
                () -> withDeadline().afterHours(3).expectationRevised("i1", CLIENT, null));
        expect("001.advance-notice-kept", Dimension.TRUST, 3, () -> History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(6), Duration.ofHours(-3)));
        expect("001.short-notice-kept", Dimension.TRUST, 1, () -> History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(1), Duration.ofHours(-3)));
        expect("001.advance-notice-missed", Dimension.TRUST, -10, () -> History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(6), Duration.ofHours(2)));
        expect("001.short-notice-missed", Dimension.TRUST, -4, () -> History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(1), Duration.ofHours(2)));
        expect("001.how-met", Dimension.TRUST, 2, () -> planned().afterHours(1).resolved("i1").confirmed("i1", true));
        expect("001.how-not-met", Dimension.TRUST, -4, () -> planned().afterHours(1).resolved("i1").confirmed("i1", false));
        expect("001.reopened", Dimension.TRUST, -4, () -> planned().afterHours(1).resolved("i1").afterDays(1).reopened("i1"));
        expect("004.disruption-admitted", Dimension.TRUST, -3, () -> issue().disruption("i1", PROVIDER));
        expect("004.disruption-discovered", Dimension.TRUST, -8, () -> issue().disruption("i1", CLIENT));
        expect("004.plan-after-disruption", Dimension.TRUST, 4,
                () -> issue().disruption("i1", PROVIDER).afterMinutes(30).actionPlan("i1"));
        expect("004.quick-fix-after-disruption", Dimension.TRUST, 3,
                () -> issue().disruption("i1", PROVIDER).afterMinutes(30).actionPlan("i1").afterHours(1).resolved("i1"));
        expect("004.miscommunication", Dimension.TRUST, -4, () -> planned().afterHours(1).miscommunication("i1"));
        expect("004.plan-after-miscommunication", Dimension.TRUST, 2,
                () -> planned().afterHours(1).miscommunication("i1").afterMinutes(30).actionPlan("i1"));
        expect("003.repeat-issues", Dimension.TRUST, -1.5, () -> History.startingAt(MONDAY)
                .issueReported("i1").afterDays(1).issueReported("i2").afterDays(1).issueReported("i3"));
        expect("003.repeated-misses", Dimension.TRUST, -11.25, () -> History.startingAt(MONDAY)
                .issueWithExpectation("i1", DEGRADED, TEAM, null).missed("i1")
                .afterDays(1).issueWithExpectation("i2", DEGRADED, TEAM, null).missed("i2"));
        expect("004.offer-declined", Dimension.LOYALTY, 12, () -> History.startingAt(MONDAY).offerDeclined());
        expect("004.contract-renewed", Dimension.LOYALTY, 8, () -> History.startingAt(MONDAY).renewed());
        expect("004.referral", Dimension.LOYALTY, 8, () -> History.startingAt(MONDAY).referral());
        expect("000.goodwill-gesture", Dimension.LOYALTY, 4, () -> History.startingAt(MONDAY).gesture());
        expect("002.meeting", Dimension.LOYALTY, 3, () -> History.startingAt(MONDAY).meeting(true));
        expect("002.meeting-cadence", Dimension.LOYALTY, 0, () -> History.startingAt(MONDAY).cadenceAgreed(14));
        expect("feedback.csat", Dimension.TRUST, 3, () -> History.startingAt(MONDAY).feedback(5, null));
        expect("feedback.nps", Dimension.LOYALTY, -3, () -> History.startingAt(MONDAY).feedback(null, 4));
        expectOnTheClock("002.no-contact", Dimension.LOYALTY, -0.5, 22,
                () -> History.startingAt(MONDAY).cadenceAgreed(60));
        expectOnTheClock("002.meeting-overdue", Dimension.LOYALTY, -1.5, 36, () -> History.startingAt(MONDAY).meeting(true));
        expectOnTheClock("004.sustained-high-trust", Dimension.LOYALTY, 0.5, 14,
                () -> History.startingAt(MONDAY).cadenceAgreed(365).afterHours(1).feedback(5, null)
                        .afterHours(1).feedback(5, null).afterHours(1).feedback(5, null)
                        .afterHours(1).feedback(5, null).afterHours(1).feedback(5, null)
                        .afterHours(1).feedback(5, null).afterHours(1).feedback(5, null));
        expectOnTheClock("003.sustained-low-trust", Dimension.LOYALTY, -1, 14,
                () -> History.startingAt(MONDAY).cadenceAgreed(365).afterHours(1).feedback(1, null)
                        .afterHours(1).feedback(1, null).afterHours(1).feedback(1, null)
                        .afterHours(1).feedback(1, null).afterHours(1).feedback(1, null)
                        .afterHours(1).feedback(1, null));
    }

    @TestFactory
    Stream<DynamicTest> eachRule_firesUnderItsId_withTheAmountOfTheDefaultModel() {
        return CASES.entrySet().stream().map(entry -> dynamicTest(entry.getKey(), () -> {
            Change change = firstChange(entry.getValue().timeline().get(), entry.getKey());
            assertThat(change.dimension()).isEqualTo(entry.getValue().dimension());
            assertThat(change.delta()).isEqualTo(entry.getValue().delta());
        }));
    }

    @Test
    void aReviseTheClientAsksFor_costsNothing_andSaysWhy() {
        Timeline timeline = timeline(withDeadline().afterHours(3).expectationRevised("i1", CLIENT, null));

        assertThat(firstChange(timeline, "001.revised-by-client").sentence())
                .isEqualTo("no change to trust: the client changed their expectation");
    }

    @Test
    void aNoticeKeptOrMissed_saysWhatWasAnnounced_howFarAhead_andHowLateOrEarly() {
        assertThat(firstChange(timeline(History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(6), Duration.ofHours(-3))), "001.advance-notice-kept").sentence())
                .isEqualTo("+3 trust: 'new hire starts Monday' ready 3 h before it was needed; the client gave 6 days "
                        + "of notice (3 days or more is comfortable)");
        assertThat(firstChange(timeline(History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofDays(6), Duration.ofMinutes(150))), "001.advance-notice-missed").sentence())
                .isEqualTo("-10 trust: 'new hire starts Monday' ready 2 h 30 min after it was needed, though the client "
                        + "gave 6 days of notice (3 days or more is comfortable)");
        assertThat(firstChange(timeline(History.startingAt(MONDAY)
                .noticeFulfilled("n1", Duration.ofHours(28), Duration.ofHours(2))), "001.short-notice-missed").sentence())
                .isEqualTo("-4 trust: 'new hire starts Monday' ready 2 h after it was needed; on a short notice of "
                        + "28 h (under the comfortable 3 days)");
    }

    @Test
    void aCsatUnderNeutral_costsTrust() {
        Timeline timeline = timeline(History.startingAt(MONDAY).feedback(2, null));

        assertThat(firstChange(timeline, "feedback.csat").sentence()).isEqualTo("-1.5 trust: CSAT 2 of 5");
    }

    @Test
    void everyRuleIdInTheReadmeTable_hasACaseHere() throws IOException {
        assertThat(CASES.keySet()).containsAll(readmeRuleIds());
    }

    /** The rule ids in the README's table of the default model's rules. */
    private static Set<String> readmeRuleIds() throws IOException {
        String text = Files.readString(README);
        int start = text.indexOf("### The rules of `trustline-default@1`");
        String table = text.substring(start, text.indexOf("\n###", start + 1));
        Set<String> ids = new TreeSet<>();
        Matcher id = Pattern.compile("`((?:\\d{3}|feedback)\\.[a-z-]+)`").matcher(table);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).as("rule ids in the README table").hasSizeGreaterThan(30);
        return ids;
    }

    private static Change firstChange(Timeline timeline, String rule) {
        return timeline.points().stream().flatMap(point -> point.changes().stream())
                .filter(change -> change.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " did not fire in " + timeline.points().stream()
                        .map(TimelinePoint::sentence).toList()));
    }

    /** An issue stopping everyone, reported at {@code MONDAY} with its expectation. */
    private static History issue() {
        return History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, null);
    }

    private static History planned() {
        return issue().afterMinutes(30).actionPlan("i1");
    }

    /** The client wants it resolved within 2 hours. */
    private static History withDeadline() {
        return History.startingAt(MONDAY).issueWithExpectation("i1", STOPPED, EVERYONE, Duration.ofHours(2));
    }

    private static Timeline timeline(History history) {
        return Scoring.ENGINE.timeline(history.events());
    }

    private static void expect(String rule, Dimension dimension, double delta, Supplier<History> history) {
        CASES.put(rule, new Expected(dimension, delta, () -> timeline(history.get())));
    }

    private static void expectOnTheClock(String rule, Dimension dimension, double delta, int daysLater,
                                         Supplier<History> history) {
        CASES.put(rule, new Expected(dimension, delta, () -> {
            History h = history.get();
            return Scoring.ENGINE.timelineAsOf(h.events(), h.now().plus(Duration.ofDays(daysLater)));
        }));
    }

    private record Expected(Dimension dimension, double delta, Supplier<Timeline> timeline) {
    }
}
