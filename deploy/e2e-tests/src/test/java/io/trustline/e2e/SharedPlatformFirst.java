package io.trustline.e2e;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The classes on the {@link SharedPlatform} first, by name, then the others, by name: the shared platform then starts
 * once and is stopped before the classes with their own platform run ({@code junit-platform.properties} names this
 * orderer).
 */
public final class SharedPlatformFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor test) -> !sharesThePlatform(test))
                .thenComparing(test -> test.getTestClass().getName()));
    }

    private static boolean sharesThePlatform(ClassDescriptor test) {
        return AnnotationSupport.findRepeatableAnnotations(test.getTestClass(), ExtendWith.class).stream()
                .anyMatch(extendWith -> Arrays.asList(extendWith.value()).contains(SharedPlatform.class));
    }
}
