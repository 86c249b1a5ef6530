package io.trustline.console.layout;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.trustline.console.session.CurrentSession;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a page inside the shared layout ({@code templates/layout.html}): every page template starts with
 * {@code {#include layout}} and gets the session's CSRF token (for the sign-out form, its own forms and htmx's
 * {@code X-CSRF-Token} header) and which nav entry is current.
 */
@ApplicationScoped
public class Pages {

    private final CurrentSession session;

    Pages(CurrentSession session) {
        this.session = session;
    }

    /** {@code nav}: one of {@link Nav}'s entries, marked as the current page. */
    public TemplateInstance page(Template template, Nav nav) {
        return template.data("csrf", session.csrfToken()).data("nav", nav.name());
    }
}
