package io.trustline.testkit;

import java.util.UUID;

/** Ids that no other test uses, so tests sharing one broker and one database never see each other's data. */
public final class TestIds {

    private TestIds() {
    }

    /** A client id such as {@code client-1f09ab91}. */
    public static String uniqueClient() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
