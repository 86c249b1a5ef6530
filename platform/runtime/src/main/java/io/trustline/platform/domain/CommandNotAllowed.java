package io.trustline.platform.domain;

import java.util.List;

/**
 * A well-formed command that the addressed aggregate's current state forbids (resolving an incident twice,
 * say). Nothing was recorded. The platform answers it with 409, naming the state and what is allowed in it.
 */
public final class CommandNotAllowed extends RuntimeException {

    private final String state;
    private final List<String> allowed;

    /**
     * @param state   the aggregate's current state as callers know it, e.g. {@code RESOLVED}
     * @param allowed the commands the aggregate accepts in that state, as callers know them
     * @param reason  one sentence saying why this command is refused
     */
    public CommandNotAllowed(String state, List<String> allowed, String reason) {
        super(reason + " State: " + state + "; allowed now: "
                + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)) + ".");
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    public String state() {
        return state;
    }

    public List<String> allowed() {
        return allowed;
    }
}
