package io.trustline.console.portfolio;

import io.quarkus.qute.TemplateData;
import io.trustline.console.timeline.ScorePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A score over a window as an SVG polyline, drawn on the server: a step line (a score holds until the next point
 * moves it) on a {@value #WIDTH}×{@value #HEIGHT} box, scores 0–100 bottom to top. No script, so it shows before and
 * without JavaScript.
 *
 * @param points the polyline's {@code points} attribute
 * @param from   the score at the window's start
 * @param to     the score at its end
 */
@TemplateData
public record Sparkline(String points, double from, double to) {

    static final int WIDTH = 90;
    static final int HEIGHT = 24;

    /** {@code before} and {@code after} pick the dimension (trust or loyalty) from each point. */
    static Sparkline of(List<ScorePoint> timeline, Instant windowStart, Instant windowEnd,
                        ToDoubleFunction<ScorePoint> before, ToDoubleFunction<ScorePoint> after, double now) {
        double start = timeline.isEmpty() ? now : before.applyAsDouble(timeline.get(0));
        for (ScorePoint point : timeline) {
            if (point.occurredAt().isAfter(windowStart)) {
                break;
            }
            start = after.applyAsDouble(point);
        }
        StringBuilder line = new StringBuilder();
        double span = Duration.between(windowStart, windowEnd).toMillis();
        double current = start;
        append(line, 0, current);
        for (ScorePoint point : timeline) {
            if (!point.occurredAt().isAfter(windowStart) || point.occurredAt().isAfter(windowEnd)) {
                continue;
            }
            double x = WIDTH * Duration.between(windowStart, point.occurredAt()).toMillis() / span;
            append(line, x, current);
            current = after.applyAsDouble(point);
            append(line, x, current);
        }
        append(line, WIDTH, current);
        return new Sparkline(line.toString().strip(), start, current);
    }

    private static void append(StringBuilder line, double x, double score) {
        double clamped = Math.max(0, Math.min(100, score));
        double y = HEIGHT - 1 - (HEIGHT - 2) * clamped / 100;
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    public String label() {
        return String.format(Locale.ROOT, "from %.1f to %.1f over 30 days", from, to);
    }
}
