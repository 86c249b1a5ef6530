package io.trustline.notification.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.intake.api.IssueReported;
import io.trustline.testkit.golden.GoldenJson;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentFilterTest {

    /** Intake's golden IssueReported (priority CRITICAL, client acme-dental) as the CloudEvent deliveries see. */
    private static final Map<String, Object> ISSUE_REPORTED = FilterVariables.of(issueReported());

    @Test
    void aFilterOnDataAndSubject_matchesTheEventItDescribes_only() {
        assertThat(ContentFilter.compile("data.priority == \"CRITICAL\" && subject == \"acme-dental\"")
                .matches(ISSUE_REPORTED)).isTrue();
        assertThat(ContentFilter.compile("data.priority == \"CRITICAL\" && subject == \"globex\"")
                .matches(ISSUE_REPORTED)).isFalse();
        assertThat(ContentFilter.compile("data.priority in [\"LOW\", \"NORMAL\"]").matches(ISSUE_REPORTED)).isFalse();
    }

    @Test
    void typeTimeAndNestedData_canBeFilteredOn() {
        assertThat(ContentFilter.compile("type.endsWith(\".IssueReported.v1\") && data.psaTicket.psa == \"CONNECTWISE\"")
                .matches(ISSUE_REPORTED)).isTrue();
        assertThat(ContentFilter.compile("time > timestamp(\"2026-03-02T08:00:00Z\")").matches(ISSUE_REPORTED)).isTrue();
        assertThat(ContentFilter.compile("time > timestamp(\"2026-03-03T00:00:00Z\")").matches(ISSUE_REPORTED)).isFalse();
        assertThat(ContentFilter.compile("source == \"/intake\" && id == \"0195a3c2-0001\"").matches(ISSUE_REPORTED)).isTrue();
    }

    @Test
    void aTypeError_isRejected_withItsLineAndColumn() {
        assertThatThrownBy(() -> ContentFilter.compile("subject == \"acme\" &&\n  type > 3"))
                .isInstanceOfSatisfying(ContentFilter.FilterRejected.class, rejected -> {
                    assertThat(rejected.line()).isEqualTo(2);
                    assertThat(rejected.column()).isEqualTo(8);
                    assertThat(rejected.reason()).contains("_>_");
                });
    }

    @Test
    void anUnknownVariable_aSyntaxError_andANonBooleanResult_areRejected() {
        assertThatThrownBy(() -> ContentFilter.compile("severity == \"HIGH\""))
                .isInstanceOfSatisfying(ContentFilter.FilterRejected.class, rejected -> {
                    assertThat(rejected.column()).isEqualTo(1);
                    assertThat(rejected.reason()).contains("severity");
                });
        assertThatThrownBy(() -> ContentFilter.compile("subject == ")).isInstanceOf(ContentFilter.FilterRejected.class);
        assertThatThrownBy(() -> ContentFilter.compile("subject")).isInstanceOf(ContentFilter.FilterRejected.class);
    }

    @Test
    void aMissingKey_failsAtEvaluation_unlessGuardedWithHas() {
        ContentFilter unguarded = ContentFilter.compile("data.impact == \"STOPPED\"");
        assertThatThrownBy(() -> unguarded.matches(ISSUE_REPORTED))
                .isInstanceOf(ContentFilter.FilterFailed.class).hasMessageContaining("impact");
        assertThat(ContentFilter.compile("has(data.impact) && data.impact == \"STOPPED\"").matches(ISSUE_REPORTED))
                .isFalse();
    }

    @Test
    void theReadmesFilter_letsThroughEventsWithoutAPriority_andIssuesAboveLow() {
        ContentFilter notLow = ContentFilter.compile("!has(data.priority) || data.priority != \"LOW\"");
        Map<String, Object> low = new java.util.HashMap<>(ISSUE_REPORTED);
        low.put("data", Map.of("priority", "LOW"));

        assertThat(notLow.matches(ISSUE_REPORTED)).as("the golden report, priority %s",
                ((Map<?, ?>) ISSUE_REPORTED.get("data")).get("priority")).isTrue();
        assertThat(notLow.matches(low)).isFalse();
        assertThat(notLow.matches(Map.of("type", "io.trustline.incident.ActionPlanIssued.v1", "data", Map.of())))
                .as("an event without a priority").isTrue();
    }

    @Test
    void aDynamicValueThatIsNotBoolean_failsAtEvaluation() {
        assertThatThrownBy(() -> ContentFilter.compile("data.priority").matches(ISSUE_REPORTED))
                .isInstanceOf(ContentFilter.FilterFailed.class).hasMessageContaining("not a boolean");
    }

    private static CloudEvent issueReported() {
        return CloudEventBuilder.v1().withId("0195a3c2-0001").withType(IntakeEventTypes.ISSUE_REPORTED)
                .withSource(URI.create("/intake")).withSubject("acme-dental")
                .withTime(OffsetDateTime.parse("2026-03-02T08:15:00Z"))
                .withData("application/json", GoldenJson.example(IssueReported.class).bytes())
                .build();
    }
}
