package io.trustline.relationship.models;

import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Model files for tests: the built-in file under a new name, with lines changed. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** A name no other test uses, since the tests share one database. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The built-in model file named {@code name@version}, with each {@code "from", "to"} pair replaced. */
    static String yaml(String name, int version, String... fromTo) {
        String text = builtIn().replace("model: trustline-default", "model: " + name)
                .replace("\nversion: 1\n", "\nversion: " + version + "\n");
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!text.contains(fromTo[i])) {
                throw new IllegalArgumentException("the built-in model has no " + fromTo[i]);
            }
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return text;
    }

    /** A model that values a declined offer far more than the built-in one does. */
    static String generousAboutOffers(String name) {
        return yaml(name, 1, "competitorOfferDeclined: 12", "competitorOfferDeclined: 30");
    }

    private static String builtIn() {
        try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(ScoringModelFiles.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
