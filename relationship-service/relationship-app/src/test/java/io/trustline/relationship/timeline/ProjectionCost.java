package io.trustline.relationship.timeline;

import io.trustline.relationship.scoring.ClientEvent;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoring.TimelinePoint;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/**
 * What one new event costs the projection in memory for a client with a long history: rescoring from the start,
 * finding the changed tail and turning it into stored points, for an event after the latest one and for a late
 * one in the middle; and what reading the history back costs on a cache miss (decoding the stored documents and
 * rescoring), without the MongoDB round trips.
 *
 * <p>Not a test: run from the module with
 * {@code java -cp target/classes:target/test-classes:$(cat target/benchmark-classpath.txt) io.trustline.relationship.timeline.ProjectionCost [EVENTS...]}
 * (defaults 2000 50000).
 */
public final class ProjectionCost {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringModelFiles.builtInDefault());
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 9;

    private ProjectionCost() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {2_000, 50_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("projection cost per new event, model %s, %s%n", ENGINE.model().id(), Runtime.version());
        // a first pass over every size lets the JIT compile the engine, as it has in a running service
        for (int size : sizes) {
            measure(size, false);
        }
        for (int size : sizes) {
            measure(size, true);
        }
    }

    private static void measure(int size, boolean print) {
        List<ClientEvent> history = Histories.issues("c", size / 6, 2);
        ClientHistory cached = ClientHistory.of(history, ENGINE);
        ClientEvent last = history.get(history.size() - 1);
        double[] append = new double[ROUNDS];
        double[] late = new double[ROUNDS];
        double[] earliest = new double[ROUNDS];
        double[] reload = new double[ROUNDS];
        int appendWrites = 0;
        int lateWrites = 0;
        int earliestWrites = 0;
        List<Document> stored = history.stream().map(event -> new Document("type", event.type())
                .append("event", Document.parse(ClientEvents.write(event)))).toList();
        for (int warmUp = 0; warmUp < WARM_UP; warmUp++) {
            tail(cached, new ClientEvent.IssueReported("w-" + warmUp, last.occurredAt().plusSeconds(1), "w"));
        }
        for (int round = 0; round < ROUNDS; round++) {
            ClientEvent next = new ClientEvent.ClientChasedUpdate("n-" + round, last.occurredAt().plus(Duration.ofHours(1)),
                    "c-issue-" + (size / 6 - 1));
            long start = System.nanoTime();
            appendWrites = tail(cached, next);
            append[round] = millis(System.nanoTime() - start);

            ClientEvent middle = history.get(history.size() / 2);
            ClientEvent lateOne = new ClientEvent.ClientChasedUpdate("l-" + round,
                    middle.occurredAt().plus(Duration.ofMinutes(1)), ((ClientEvent.OfIssue) middle).issueId());
            start = System.nanoTime();
            lateWrites = tail(cached, lateOne);
            late[round] = millis(System.nanoTime() - start);

            ClientEvent beforeTheFirst = new ClientEvent.IssueReported("e-" + round,
                    history.get(0).occurredAt().minus(Duration.ofDays(1)), "e-issue");
            start = System.nanoTime();
            earliestWrites = tail(cached, beforeTheFirst);
            earliest[round] = millis(System.nanoTime() - start);

            start = System.nanoTime();
            List<ClientEvent> read = new ArrayList<>(stored.size());
            stored.forEach(document -> read.add(ClientEvents.read(document)));
            ClientHistory.of(read, ENGINE);
            reload[round] = millis(System.nanoTime() - start);
        }
        if (!print) {
            return;
        }
        System.out.printf("%,7d events, %,7d points%n  after the latest   %s ms, %,d points written%n"
                        + "  late, in the middle %s ms, %,d points written%n"
                        + "  late, before all   %s ms, %,d points written%n"
                        + "  cache miss: decode the stored events + rescore %s ms%n",
                cached.eventCount(), cached.points().size(), median(append), appendWrites, median(late), lateWrites,
                median(earliest), earliestWrites, median(reload));
    }

    private static int tail(ClientHistory cached, ClientEvent event) {
        ClientHistory next = cached.with(event);
        TimelineDiff<TimelinePoint> diff = TimelineDiff.between(cached.points(), next.points(), PointPosition::of);
        List<ScoredPoint> points = diff.upserts().stream().map(ScoredPoint::of).toList();
        return points.size();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static String median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format("%.1f (median of %d, min %.1f)", sorted[sorted.length / 2], sorted.length, sorted[0]);
    }
}
