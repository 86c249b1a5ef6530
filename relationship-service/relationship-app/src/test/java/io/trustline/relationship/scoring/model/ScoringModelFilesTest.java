package io.trustline.relationship.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.relationship.scoring.ClientEvent.Impact;
import io.trustline.relationship.scoring.ClientEvent.Scope;
import io.trustline.relationship.scoring.Scoring;
import io.trustline.relationship.scoring.churn.ChurnCause;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelFilesTest {

    @Test
    void theBuiltInDefault_isTrustlineDefaultVersion1_startingNeutralOnA0To100Scale() {
        ScoringModel model = ScoringModelFiles.builtInDefault();

        assertThat(model.id()).isEqualTo("trustline-default@1");
        assertThat(model.scores()).isEqualTo(new ScoringModel.Scores(50, 0, 100));
        assertThat(model.contact().meetingCadenceDays()).isEqualTo(30);
        assertThat(model.targetsFor(Impact.STOPPED, Scope.EVERYONE).actionPlanMinutes())
                .isLessThan(model.targetsFor(Impact.INTERMITTENT, Scope.ONE_PERSON).actionPlanMinutes());
    }

    @Test
    void aModelCanBeReadFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme-v3.yaml");
        Files.writeString(file, Scoring.defaultModelText().replace("model: trustline-default", "model: acme")
                .replace("version: 1", "version: 3"));

        assertThat(ScoringModelFiles.fromFile(file).id()).isEqualTo("acme@3");
    }

    @Test
    void aMissingWeight_isRefused_namingItByItsPath() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessage("scoring model variant is invalid: trust.clientChased: missing");
    }

    @Test
    void aMisspeltWeight_isRefused_namingTheTypoAndTheKeyItShouldHaveBeen() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChasd: -3 "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("trust.clientChasd: unknown key (expected one of [")
                .hasMessageContaining("trust.clientChased: missing");
    }

    @Test
    void everyFaultyKey_isListedOnItsOwn_byItsPath() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChasd: minus three "))
                .isInstanceOfSatisfying(InvalidScoringModelException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith("trust.clientChasd: unknown key"))
                        .contains("trust.clientChased: missing")
                        .hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void aRepeatedKey_isRefused_namingItsPath() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChased: -3\n  clientChased: -4 "))
                .isInstanceOfSatisfying(InvalidScoringModelException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("trust.clientChased: ").contains("clientChased"));
    }

    @Test
    void aWordWhereANumberBelongs_isRefused() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChased: minus three "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("trust.clientChased: must be a number");
    }

    @Test
    void aCostWrittenAsASize_isRefused_becauseItWouldRewardWhatItMeansToPunish() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChased: 3 ",
                "  maxOverduePerTick: -4 ", "  maxOverduePerTick: 4 "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("trust.clientChased: a cost, write it negative (was 3)")
                .hasMessageContaining("contact.maxOverduePerTick: a cost, write it negative (was 4)");
    }

    @Test
    void anAdvanceNoticeMissWrittenAsASize_orNoComfortableLead_isRefused() {
        assertThatThrownBy(() -> Scoring.variant("  advanceNoticeMissed: -10 ", "  advanceNoticeMissed: 10 ",
                "  comfortableLeadDays: 3 ", "  comfortableLeadDays: 0 "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("trust.advanceNoticeMissed: a cost, write it negative (was 10)")
                .hasMessageContaining("advanceNotice.comfortableLeadDays: must be at least 1");
    }

    @Test
    void aFractionWhereAWholeNumberBelongs_isRefused_notTruncated() {
        assertThatThrownBy(() -> Scoring.variant("  tickDays: 7 ", "  tickDays: 7.5 "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("contact.tickDays: must be a whole number, was 7.5");
    }

    @Test
    void aKeyWrittenTwice_isRefused_ratherThanTheLastOneWinning() {
        assertThatThrownBy(() -> Scoring.variant("  clientChased: -3 ", "  clientChased: -3\n  clientChased: -1 "))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("clientChased");
    }

    @Test
    void theLoadedModelCannotBeChangedInPlace() {
        ScoringModel model = ScoringModelFiles.builtInDefault();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.churnRisk().weights().put(ChurnCause.Kind.LOW_LOYALTY, 0))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.targets().get(Impact.STOPPED).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void brokenYaml_isRefused_withItsLine() {
        assertThatThrownBy(() -> Scoring.variant("scores:\n", "scores: [\n"))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("line ");
    }

    @Test
    void aMissingTargetCell_isRefused_namingTheImpactAndScope() {
        assertThatThrownBy(() -> Scoring.variant(
                "    EVERYONE:   {acknowledgeMinutes: 15,  actionPlanMinutes: 60,   updateEveryMinutes: 60,   resolveMinutes: 240}\n", ""))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessage("scoring model variant is invalid: targets.STOPPED.EVERYONE: missing");
    }

    @Test
    void anUnknownContactEvent_isRefused_listingTheKnownOnes() {
        assertThatThrownBy(() -> Scoring.variant("contactEvents: [MeetingHeld,", "contactEvents: [MeetingHold,"))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("unknown event type MeetingHold")
                .hasMessageContaining("MeetingHeld");
    }

    @Test
    void aStartOutsideTheScale_isRefused() {
        assertThatThrownBy(() -> Scoring.variant("  start: 50", "  start: 150"))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("scores: need min < max and start between them");
    }
}
