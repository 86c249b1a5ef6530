package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.model.ScoringModel;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The default model, variants of it written the way a model author would, and point lookups. */
public final class Scoring {

    public static final ScoringModel DEFAULT = ScoringModelFiles.builtInDefault();
    public static final ScoringEngine ENGINE = new ScoringEngine(DEFAULT);

    private Scoring() {
    }

    public static String defaultModelText() {
        try (InputStream in = Scoring.class.getClassLoader().getResourceAsStream(ScoringModelFiles.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default file with each {@code "from", "to"} pair of lines replaced: a new version. */
    public static ScoringModel variant(String... fromTo) {
        String text = defaultModelText();
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!text.contains(fromTo[i])) {
                throw new IllegalArgumentException("the default model has no " + fromTo[i]);
            }
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return ScoringModelFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "variant");
    }

    public static Timeline timeline(History history) {
        return ENGINE.timeline(history.events());
    }

    public static TimelinePoint point(Timeline timeline, String eventId) {
        return timeline.points().stream().filter(p -> p.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no point for " + eventId + " in " + timeline.points()));
    }

    public static List<TimelinePoint> pointsOfType(Timeline timeline, String eventType) {
        return timeline.points().stream().filter(p -> p.eventType().equals(eventType)).toList();
    }
}
