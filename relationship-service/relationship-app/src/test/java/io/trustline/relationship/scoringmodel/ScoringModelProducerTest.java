package io.trustline.relationship.scoringmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.relationship.scoring.model.InvalidScoringModelException;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
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
        Path file = defaultModelWith(dir.resolve("strict.yaml"), "version: 1", "version: 2");

        assertThat(ScoringModelProducer.load(Optional.of(file.toString())).id()).isEqualTo("trustline-default@2");
    }

    @Test
    void aFileReusingTheBuiltInsNameAndVersionWithOtherWeights_isRefused(@TempDir Path dir) throws Exception {
        Path file = defaultModelWith(dir.resolve("sneaky.yaml"), "  clientChased: -3 ", "  clientChased: -1 ");

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

    /** The built-in model file with one line changed, written to {@code file}. */
    private Path defaultModelWith(Path file, String from, String to) throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(ScoringModelFiles.DEFAULT_RESOURCE)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException("the default model has no " + from);
            }
            return Files.writeString(file, text.replace(from, to));
        }
    }
}
