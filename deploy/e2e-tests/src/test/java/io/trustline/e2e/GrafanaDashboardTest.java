package io.trustline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustline.infra.launcher.TrustlineHome;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How metric names are read out of a dashboard's queries; {@link MetricsEndToEndTest} checks them against what the
 * packaged services expose.
 */
class GrafanaDashboardTest {

    @Test
    void metricNames_areWhatIsLeftOnceFunctionsLabelsRangesAndGroupingAreGone() {
        assertThat(GrafanaDashboard.metricNamesIn("histogram_quantile(0.95, sum by (le, uri) "
                + "(rate(http_server_requests_seconds_bucket{service=~\"$service\", uri!~\"/q/.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(GrafanaDashboard.metricNamesIn("sum(rate(a_total{outcome=\"delivered\"}[5m])) / "
                + "sum without (instance) (rate(b_seconds_count[5m] offset 1h)) * 1e3"))
                .containsExactly("a_total", "b_seconds_count");
        assertThat(GrafanaDashboard.metricNamesIn("max(c_max) by (deadline) > bool 0 and on (service) d_records"))
                .containsExactly("c_max", "d_records");
        assertThat(GrafanaDashboard.metricNamesIn("label_values(http_server_requests_seconds_count{job=\"x\"}, service)"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(GrafanaDashboard.metricNamesIn("label_values(service)")).isEmpty();
    }

    @Test
    void aQueryWithAMisspelledName_isReportedMissing_withTheQuery() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.of(new ObjectMapper().readTree("""
                {"panels": [{"type": "row", "panels": [
                  {"targets": [{"expr": "sum(rate(trustline_events_relayd_total[5m]))"}]}]},
                  {"targets": [{"expr": "trustline_consumer_lag_records"}]}]}
                """));

        assertThat(dashboard.missingFrom(Set.of("trustline_events_relayed_total", "trustline_consumer_lag_records")))
                .containsExactly(java.util.Map.entry("trustline_events_relayd_total",
                        "sum(rate(trustline_events_relayd_total[5m]))"));
    }

    @Test
    void thePlatformsDashboard_readsTheTrustlineMetrics_inEveryPanel() {
        GrafanaDashboard dashboard = GrafanaDashboard.read(TrustlineHome.locate().resolve(GrafanaDashboard.PATH));

        assertThat(dashboard.namesByQuery()).allSatisfy((query, names) -> assertThat(names).as(query).isNotEmpty());
        assertThat(dashboard.metricNames()).contains("trustline_events_appended_total", "trustline_events_relayed_total",
                "trustline_relay_lag_seconds_bucket", "trustline_events_consumed_total",
                "trustline_events_dead_lettered_total", "trustline_consumer_lag_records",
                "trustline_deadline_firing_lag_seconds_bucket", "trustline_webhook_attempts_seconds_count",
                "trustline_webhook_attempts_seconds_bucket", "http_server_requests_seconds_bucket");
    }
}
