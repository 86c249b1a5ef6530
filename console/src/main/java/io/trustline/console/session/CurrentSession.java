package io.trustline.console.session;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The session of the request being served, set by {@link SessionFilter} before any page runs. */
@RequestScoped
public class CurrentSession {

    private ConsoleSession session;

    void set(ConsoleSession session) {
        this.session = session;
    }

    public Optional<ConsoleSession> get() {
        return Optional.ofNullable(session);
    }

    /** The session; every page but sign-in runs only with one (the filter redirects otherwise). */
    public ConsoleSession required() {
        if (session == null) {
            throw new IllegalStateException("no session: the page is not behind the session filter");
        }
        return session;
    }

    public String apiKey() {
        return required().apiKey();
    }

    public String csrfToken() {
        return required().csrfToken();
    }
}
