package io.trustline.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the five seed stories into one tenant through the public APIs, waits until the relationship service has
 * scored them, and tells where each stands.
 *
 * <p><b>Running it twice adds nothing.</b> Every request is the same on every run: each carries an
 * {@code Idempotency-Key} (a PSA webhook its delivery id) named after its story and step, and the backdated instants
 * are counted from the demo's anchor — the instant the demo's Autotask integration was first created, which a retry
 * of its creation answers — not from now. A second run, on any day, is answered "replayed" throughout; a run cut
 * short is completed by the next. (Counting from now would send other bodies another day, which the services rightly
 * refuse with 422.) Only the payroll story's report is sent at the services' clock: intake takes no past report
 * time over its API.
 */
public final class Demo {

    static final Duration SCORED_WITHIN = Duration.ofSeconds(90);

    private final TrustlineApi api;
    private final PrintStream out;

    public Demo(TrustlineApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** The stories, in the seeds' order. */
    public static List<SeedStoryView> stories() {
        return all().stream().map(story -> new SeedStoryView(story.seed(), story.clientId(), story.title(),
                story.lookFor())).toList();
    }

    /** A story as the outside sees it. */
    public record SeedStoryView(String seed, String clientId, String title, String lookFor) {
    }

    /** Where one story's client stands once scored. */
    public record StoryOutcome(SeedStoryView story, double trust, double loyalty, String risk, List<String> causes) {

        public String line() {
            String why = causes.isEmpty() ? "" : " (" + String.join(", ", causes) + ")";
            return String.format("%s %-24s trust %5.1f  loyalty %5.1f  risk %s%s%n      look for: %s",
                    story.seed(), story.clientId(), trust, loyalty, risk, why, story.lookFor());
        }
    }

    /** Plays every story (a story already played is replayed, recording nothing) and answers their outcomes. */
    public List<StoryOutcome> play() {
        List<SeedStory> stories = all();
        AutotaskReceiver autotask = new AutotaskReceiver(api);
        autotask.connect(stories.stream().map(SeedStory::clientId).toList());
        Instant anchor = autotask.createdAt();
        Map<SeedStory, StoryScript> scripts = new HashMap<>();
        for (SeedStory story : stories) {
            out.printf("  playing %s %s: %s%n", story.seed(), story.clientId(), story.title());
            StoryScript script = new StoryScript(api, autotask, anchor, story.seed(), story.clientId());
            story.play(script);
            scripts.put(story, script);
        }
        List<StoryOutcome> outcomes = new ArrayList<>();
        for (SeedStory story : stories) {
            awaitScored(scripts.get(story));
            outcomes.add(outcome(story));
        }
        return outcomes;
    }

    private void awaitScored(StoryScript script) {
        long deadline = System.nanoTime() + SCORED_WITHIN.toNanos();
        Map<String, Integer> found = Map.of();
        while (System.nanoTime() < deadline) {
            found = eventTypesOnTimeline(script.clientId());
            if (holdsAll(found, script.expectedOnTimeline())) {
                return;
            }
            StoryScript.pause();
        }
        throw new IllegalStateException(script.clientId() + "'s timeline still lacks events after "
                + SCORED_WITHIN.toSeconds() + " s: expected at least " + script.expectedOnTimeline() + ", found " + found);
    }

    private static boolean holdsAll(Map<String, Integer> found, Map<String, Integer> expected) {
        return expected.entrySet().stream().allMatch(type -> found.getOrDefault(type.getKey(), 0) >= type.getValue());
    }

    /** How many events of each type the client's scored timeline holds (the clock's points left out). */
    Map<String, Integer> eventTypesOnTimeline(String clientId) {
        Map<String, Integer> types = new HashMap<>();
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "1000"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            TrustlineApi.Answer page = api.get("relationship", "/clients/" + clientId + "/timeline", query);
            if (page.status() != 200) {
                return types;
            }
            for (JsonNode point : page.body().path("points")) {
                if ("EVENT".equals(point.path("kind").asText())) {
                    types.merge(point.path("event").path("type").asText(), 1, Integer::sum);
                }
            }
            cursor = page.body().path("nextCursor").isTextual() ? page.body().path("nextCursor").asText() : null;
        } while (cursor != null);
        return types;
    }

    private StoryOutcome outcome(SeedStory story) {
        JsonNode risk = api.getOk("relationship", "/clients/" + story.clientId() + "/churn-risk", Map.of());
        List<String> causes = new ArrayList<>();
        risk.path("causes").forEach(cause -> causes.add(cause.path("kind").asText()));
        return new StoryOutcome(new SeedStoryView(story.seed(), story.clientId(), story.title(), story.lookFor()),
                risk.path("trust").asDouble(), risk.path("loyalty").asDouble(), risk.path("level").asText(), causes);
    }

    private static List<SeedStory> all() {
        return List.of(new EmailCrisisAndFlowers(), new PayrollDeadline(), new SilentClient(),
                new StaysDespitePoorService(), new DisruptionOwned());
    }
}
