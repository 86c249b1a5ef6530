package io.trustline.console.timeline;

import io.trustline.console.services.ServiceAnswer;

/** The relationship service refused a timeline query (a 400 naming a bad {@code asOf} or {@code model}). */
public class TimelineRefused extends RuntimeException {

    private final transient ServiceAnswer answer;

    public TimelineRefused(String clientId, ServiceAnswer answer) {
        super("the timeline of " + clientId + " was refused (" + answer.status() + "): " + answer.fieldErrors().values());
        this.answer = answer;
    }

    public ServiceAnswer answer() {
        return answer;
    }
}
