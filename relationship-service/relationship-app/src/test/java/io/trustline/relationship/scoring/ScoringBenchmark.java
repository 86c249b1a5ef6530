package io.trustline.relationship.scoring;

import io.trustline.relationship.scoring.churn.ChurnRisk;
import io.trustline.relationship.scoring.model.ScoringModelFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Timelines for many clients, against the raw pass over the same events measured in the same run
 * (ordering and de-duplicating them, which any projection must do): the ratio is what the model
 * itself costs. Then the latency of the recompute a late event causes for one client.
 *
 * <p>Not a test: {@code ./trustline bench scoring [CLIENTS [EVENTS]]} (defaults 10 000 x 200).
 */
public final class ScoringBenchmark {

    private static final int ROUNDS = 3;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int eventsPerClient = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ScoringEngine engine = new ScoringEngine(ScoringModelFiles.builtInDefault());

        long generation = System.nanoTime();
        List<List<ClientEvent>> histories = new ArrayList<>(clients);
        for (int client = 0; client < clients; client++) {
            histories.add(RandomHistories.history(client, eventsPerClient));
        }
        long events = (long) clients * eventsPerClient;
        System.out.printf("scoring benchmark: %,d clients x %d events = %,d events (generated in %.1f s), model %s, %s%n",
                clients, eventsPerClient, events, seconds(System.nanoTime() - generation), engine.model().id(),
                Runtime.version());

        warmUp(engine, histories);
        double[] raw = new double[ROUNDS];
        double[] scored = new double[ROUNDS];
        long checksum = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (List<ClientEvent> history : histories) {
                checksum += ScoringEngine.canonicalHistory(history, Instant.MAX).size();
            }
            raw[round] = events / seconds(System.nanoTime() - start);
            start = System.nanoTime();
            for (List<ClientEvent> history : histories) {
                checksum += engine.timeline(history).points().size();
            }
            scored[round] = events / seconds(System.nanoTime() - start);
        }
        double rawBest = Arrays.stream(raw).max().orElseThrow();
        double scoredBest = Arrays.stream(scored).max().orElseThrow();
        System.out.printf("raw order + dedupe : %,12.0f events/s (best of %d: %s)%n", rawBest, ROUNDS, rates(raw));
        System.out.printf("scored timelines   : %,12.0f events/s (best of %d: %s)%n", scoredBest, ROUNDS, rates(scored));
        System.out.printf("ratio scored / raw : %.2f   all %,d clients in %.1f s%n", scoredBest / rawBest,
                clients, events / scoredBest);

        lateEventRecompute(engine, histories, eventsPerClient);
        System.out.println("(checksum " + checksum + ")");
    }

    /** A late event for each client: its whole timeline and churn risk recomputed, as the projection would. */
    private static void lateEventRecompute(ScoringEngine engine, List<List<ClientEvent>> histories, int eventsPerClient) {
        Random random = new Random(42);
        long[] recompute = new long[histories.size()];
        long[] withRisk = new long[histories.size()];
        long checksum = 0;
        for (int client = 0; client < histories.size(); client++) {
            List<ClientEvent> arrived = new ArrayList<>(histories.get(client));
            ClientEvent late = arrived.remove(random.nextInt(arrived.size()));
            Timeline before = engine.timeline(arrived);
            arrived.add(late);
            long start = System.nanoTime();
            Timeline after = engine.timelineAsOf(arrived, before.asOf().isAfter(late.occurredAt()) ? before.asOf() : late.occurredAt());
            recompute[client] = System.nanoTime() - start;
            ChurnRisk risk = engine.churnRisk(after, after.asOf());
            withRisk[client] = System.nanoTime() - start;
            checksum += after.points().size() + risk.causes().size();
        }
        Arrays.sort(recompute);
        Arrays.sort(withRisk);
        System.out.printf("late event, one client of %d events: recompute p50 %s  p95 %s  p99 %s  max %s%n",
                eventsPerClient, micros(recompute, 0.50), micros(recompute, 0.95), micros(recompute, 0.99),
                micros(recompute, 1.0));
        System.out.printf("  with churn risk as of the end:          p50 %s  p95 %s  p99 %s  max %s   (checksum %d)%n",
                micros(withRisk, 0.50), micros(withRisk, 0.95), micros(withRisk, 0.99), micros(withRisk, 1.0), checksum);
    }

    private static void warmUp(ScoringEngine engine, List<List<ClientEvent>> histories) {
        long sink = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < Math.min(histories.size(), 2_000); i++) {
                sink += engine.timeline(histories.get(i)).points().size();
                sink += ScoringEngine.canonicalHistory(histories.get(i), Instant.MAX).size();
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static String micros(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return String.format("%.0f µs", sortedNanos[Math.max(0, index)] / 1_000.0);
    }

    private static String rates(double[] perSecond) {
        return String.join(", ", Arrays.stream(perSecond).mapToObj(rate -> String.format("%,.0f", rate)).toList());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
