package io.trustline.local.demo;

/** One seed article told as a client's history, played through the public APIs. */
interface SeedStory {

    /** The seed's number, {@code 000} to {@code 004}. */
    String seed();

    /** The demo client the story happens to; a name that tells the story. */
    String clientId();

    /** The story in a few words. */
    String title();

    /** What to look at in the console to see the seed's point. */
    String lookFor();

    void play(StoryScript script);
}
