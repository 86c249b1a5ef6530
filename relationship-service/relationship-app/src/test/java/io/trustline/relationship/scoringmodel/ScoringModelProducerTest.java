package io.trustline.relationship.scoringmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.relationship.scoring.InvalidScoringModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelProducerTest {

    @Test
    void withoutConfiguration_theBuiltInDefaultIsUsed() {
        assertThat(ScoringModelProducer.load(Optional.empty()).id()).isEqualTo("trustline-default@1");
    }

    @Test
    void aConfiguredFile_replacesTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("strict.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("scoring/trustline-default-v1.yaml")) {
            Files.writeString(file, new String(in.readAllBytes()).replace("version: 1", "version: 2"));
        }

        assertThat(ScoringModelProducer.load(Optional.of(file.toString())).id()).isEqualTo("trustline-default@2");
    }

    @Test
    void aFileReusingTheBuiltInsNameAndVersionWithOtherWeights_isRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sneaky.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("scoring/trustline-default-v1.yaml")) {
            Files.writeString(file, new String(in.readAllBytes()).replace("  clientChased: -3 ", "  clientChased: -1 "));
        }

        assertThatThrownBy(() -> ScoringModelProducer.load(Optional.of(file.toString())))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining("trustline-default@1")
                .hasMessageContaining("another name or version");
    }

    @Test
    void anInvalidFile_stopsTheStartUp_namingTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "model: broken\nversion: 1\n");

        assertThatThrownBy(() -> ScoringModelProducer.load(Optional.of(file.toString())))
                .isInstanceOf(InvalidScoringModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("trust: missing");
    }
}
