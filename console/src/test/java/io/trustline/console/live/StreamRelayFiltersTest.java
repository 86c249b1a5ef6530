package io.trustline.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.console.services.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRelayFiltersTest {

    @Test
    void theFilters_arePassedOnAsTheNotificationServicesRepeatableParameters_encoded() {
        var filters = new StreamRelay.Filters(List.of("io.trustline.incident.IssueAcknowledged.v1"), List.of("acme-dental", " ", "a&b"), null);

        assertThat(filters.query()).isEqualTo("?type=io.trustline.incident.IssueAcknowledged.v1&clientId=acme-dental&clientId=a%26b");
        assertThat(new StreamRelay.Filters(null, List.of(), "id").query()).isEmpty();
    }

    @Test
    void everyTrustlineEventType_isOffered_fromTheApiModules() {
        assertThat(EventTypes.ALL).contains("io.trustline.intake.IssueReported.v1", "io.trustline.incident.IssueAcknowledged.v1")
                .allMatch(type -> type.matches("io\\.trustline\\.[a-z]+\\.[A-Za-z]+\\.v\\d+"))
                .doesNotHaveDuplicates();
        assertThat(EventTypes.ALL.stream().map(t -> t.split("\\.")[2]).distinct())
                .contains("intake", "incident", "relationship", "notification");
    }
}
