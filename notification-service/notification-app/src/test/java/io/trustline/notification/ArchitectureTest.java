package io.trustline.notification;

import io.trustline.testkit.architecture.TrustlineArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> notificationKeepsTheSharedArchitectureRules() {
        return TrustlineArchitecture.forService("io.trustline.notification").checkedAgainst(TrustlineArchitecture.mainClasses());
    }
}
