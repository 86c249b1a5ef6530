package io.trustline.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a class that starts its own platform, because its faults or configuration would leak into the classes sharing
 * {@link SharedPlatform}'s. Such classes run after the sharing ones ({@link SharedPlatformFirst}), and the shared
 * platform stops before the first of them starts, so the two do not compete for the machine's cores.
 */
final class OwnPlatform implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedPlatform.stopIfRunning(context);
    }
}
