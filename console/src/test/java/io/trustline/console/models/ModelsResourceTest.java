package io.trustline.console.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ModelsResourceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aComparisonRow_showsBothScores_theChange_andWhetherTheRiskFlipped() throws Exception {
        var row = ModelsResource.comparisonRow(json.readTree("""
                {"clientId": "acme-dental", "trustA": 61.04, "trustB": 55.5, "loyaltyA": 70, "loyaltyB": 70.01,
                 "riskA": "LOW", "riskB": "HIGH", "riskFlipped": true}"""));

        assertThat(row).containsEntry("trustA", "61.0").containsEntry("trustB", "55.5").containsEntry("trustDelta", "-5.5")
                .containsEntry("loyaltyDelta", "±0").containsEntry("riskA", "LOW").containsEntry("riskB", "HIGH")
                .containsEntry("flipped", true);
    }

    @Test
    void aRunningSwitch_keepsPolling_andADoneOneStops() throws Exception {
        var running = ModelsResource.switchStatus(json.readTree("""
                {"activeModelId": "trustline-default@1", "latestSwitch": {"targetModelId": "strict@2", "fromModelId": "trustline-default@1",
                 "state": "RESCORING", "clientsDone": 3, "clientsTotal": 12, "startedAt": "2026-12-07T10:00:00Z"}}"""));
        var done = ModelsResource.switchStatus(json.readTree("""
                {"activeModelId": "strict@2", "latestSwitch": {"targetModelId": "strict@2", "fromModelId": "trustline-default@1",
                 "state": "DONE", "clientsDone": 0, "clientsTotal": 0, "startedAt": "2026-12-07T10:00:00Z", "finishedAt": "2026-12-07T10:00:02Z"}}"""));

        assertThat(running).containsEntry("running", true).containsEntry("percent", 25).containsEntry("state", "RESCORING");
        assertThat(done).containsEntry("running", false).containsEntry("percent", 100);
        assertThat(ModelsResource.switchStatus(json.readTree("{\"activeModelId\": \"trustline-default@1\", \"latestSwitch\": null}"))).isNull();
    }
}
