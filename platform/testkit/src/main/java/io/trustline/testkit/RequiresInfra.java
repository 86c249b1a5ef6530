package io.trustline.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips a test class that needs {@link TrustlineInfraResource} when it was asked to use containers
 * ({@code -Dtrustline.infra=containers}) and no Docker engine is reachable — the same semantics as
 * {@code @Testcontainers(disabledWithoutDocker = true)}. In the default local mode it always runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InfraAvailableCondition.class)
public @interface RequiresInfra {
}
