package io.trustline.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.infra.launcher.TrustlineHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownLinksTest {

    @Test
    void everyRelativeLinkInTheRepository_resolvesInsideIt() {
        assertThat(MarkdownLinks.brokenLinks(TrustlineHome.locate())).isEmpty();
    }

    @Test
    void missingFiles_missingHeadings_andPathsOutOfTheTree_areReported(@TempDir Path outside) throws IOException {
        Path root = Files.createDirectories(outside.resolve("repo"));
        Files.writeString(outside.resolve("elsewhere.md"), "# Elsewhere\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/domain.md"), "# The domain\n\n## Voice of the customer: the seeds\n");
        Files.writeString(root.resolve("README.md"), """
                # Repo
                [fine](docs/domain.md), [fine too](docs/domain.md#voice-of-the-customer-the-seeds),
                [web](https://example.com/x.md), [here](#repo), ![image](docs/missing.png)
                [gone](docs/gone.md) and [no heading](docs/domain.md#no-such-heading)
                [out](../elsewhere.md) and see `../elsewhere.md`

                ```
                [inside a fence](not-checked.md)
                ```
                [ref]: docs/also-gone.md
                """);

        assertThat(MarkdownLinks.brokenLinks(root)).containsExactlyInAnyOrder(
                "README.md: docs/missing.png (no such file)",
                "README.md: docs/gone.md (no such file)",
                "README.md: docs/domain.md#no-such-heading (no heading #no-such-heading)",
                "README.md: ../elsewhere.md (outside the repository)",
                "README.md: ../elsewhere.md (outside the repository)",
                "README.md: docs/also-gone.md (no such file)");
    }

    @Test
    void markdownUnderBuildOutput_isNotChecked(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("module/target"));
        Files.writeString(root.resolve("module/target/generated.md"), "[gone](nowhere.md)\n");

        assertThat(MarkdownLinks.brokenLinks(root)).isEmpty();
    }
}
