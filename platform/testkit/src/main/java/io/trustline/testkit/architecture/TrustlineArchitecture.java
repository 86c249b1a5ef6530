package io.trustline.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every Trustline service keeps, for the service whose code lives under one root
 * package such as {@code io.trustline.incident}. Each app checks them in its {@code ArchitectureTest}:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> incidentKeepsTheSharedRules() {
 *     return TrustlineArchitecture.forService("io.trustline.incident").checkedAgainst(TrustlineArchitecture.mainClasses());
 * }
 * }</pre>
 * Aggregates are recognised by a field annotated with Axon's {@code @AggregateIdentifier} (or an
 * {@code @AggregateRoot} annotation); the scoring engine is the service's {@code scoring} package and its
 * sub-packages. Types are named by their class names so the kit needs neither Axon nor JAX-RS itself.
 */
public final class TrustlineArchitecture {

    static final String NAMESPACE = "io.trustline";
    static final String PLATFORM = NAMESPACE + ".platform";
    static final String TENANCY = PLATFORM + ".tenancy";
    static final String TENANT_OWNERSHIP = PLATFORM + ".domain.TenantOwnership";
    static final String REQUIRE_SAME_TENANT = "requireSameTenant";

    static final String AGGREGATE_IDENTIFIER = "org.axonframework.modelling.command.AggregateIdentifier";
    static final String AGGREGATE_ROOT = "org.axonframework.modelling.command.AggregateRoot";
    static final String COMMAND_HANDLER = "org.axonframework.commandhandling.CommandHandler";
    static final String CREATION_POLICY = "org.axonframework.modelling.command.CreationPolicy";
    static final String REST_RESOURCE = "jakarta.ws.rs.Path";

    /** What the domain must not speak: HTTP, the server framework, CDI, and the platform's problem types. */
    static final String[] HTTP_AND_PROBLEM_PACKAGES = {
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", PLATFORM + ".problem..", "io.quarkus..",
            "jakarta.enterprise.."};

    private static final PackageMatcher ANY_SERVICES_API = PackageMatcher.of(NAMESPACE + ".*.api..");
    private static final Set<String> COMPARISONS = Set.of("equals", "equalsIgnoreCase", "contentEquals", "compareTo",
            "compare");

    private final String root;

    private TrustlineArchitecture(String root) {
        this.root = root;
    }

    /** @param rootPackage the service's root package, {@code io.trustline.<service>} */
    public static TrustlineArchitecture forService(String rootPackage) {
        String service = rootPackage.startsWith(NAMESPACE + ".") ? rootPackage.substring(NAMESPACE.length() + 1) : "";
        if (service.isEmpty() || service.contains(".") || service.equals("platform")) {
            throw new IllegalArgumentException("not a service's root package (io.trustline.<service>): " + rootPackage);
        }
        return new TrustlineArchitecture(rootPackage);
    }

    /** Every Trustline class on the test's class path, without test classes. */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // an api's test jar (its golden files and their tests) is on a consumer's test classpath too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(NAMESPACE);
    }

    /** All shared rules, in the order they are described in this class. */
    public List<ArchRule> rules() {
        return List.of(
                otherServicesOnlyThroughTheirApi(),
                publishedContractIsPlainJava(),
                domainImportsNoHttpOrProblemTypes(),
                resourcesTakeTheTenantOnlyFromCurrentTenant(),
                aggregatesTakeTheTenantFromTheCommand(),
                aggregateCommandHandlersCheckTheTenantThroughTenantOwnership(),
                aggregatesCompareNoTenantsThemselves());
    }

    /** One dynamic test per shared rule, named by the rule's sentence. */
    public Stream<DynamicTest> checkedAgainst(JavaClasses classes) {
        return rules().stream().map(rule -> dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** (a) Another service is used only through its {@code io.trustline.<other>.api} package. */
    public ArchRule otherServicesOnlyThroughTheirApi() {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat(anotherServicesImplementation())
                .because("an app may depend on another service's *-api, never on its *-app: either service "
                        + "can then change its implementation alone");
    }

    /** The service's own {@code api} package (its *-api module) needs nothing but the JDK and Jackson annotations. */
    public ArchRule publishedContractIsPlainJava() {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".api..", "java..", "com.fasterxml.jackson.annotation..")
                .because("consumers compile against the contract; it must not drag in a framework or the app");
    }

    /** (b) Aggregates and the scoring engine import no HTTP, server framework, CDI or problem types. */
    public ArchRule domainImportsNoHttpOrProblemTypes() {
        return noClasses().that(areAggregates().or(JavaClass.Predicates.resideInAPackage(root + ".scoring..")))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_AND_PROBLEM_PACKAGES)
                .because("the domain speaks its own language: it throws domain exceptions (such as "
                        + "io.trustline.platform.domain.NotFoundForTenant) and the edge decides what a caller sees");
    }

    /**
     * (c, part 1) A REST resource reads the tenant only from {@code CurrentTenant}: it calls no
     * {@code tenantId()} accessor and reads no {@code tenantId} field of a command, event or read model.
     */
    public ArchRule resourcesTakeTheTenantOnlyFromCurrentTenant() {
        return noClasses().that().resideInAPackage(root + "..").and().areAnnotatedWith(REST_RESOURCE)
                .should().callMethodWhere(DescribedPredicate.describe("the method is a tenantId() accessor",
                        call -> call.getName().equals("tenantId")))
                .orShould().accessFieldWhere(DescribedPredicate.describe("the field is a tenantId",
                        access -> access.getName().equals("tenantId")))
                .because("the tenant check lives in one place per command: a resource passes CurrentTenant.id() "
                        + "into the command or tenant-keyed query and compares no tenants itself");
    }

    /** (c, part 2) An aggregate takes the tenant from the command, never from the request. */
    public ArchRule aggregatesTakeTheTenantFromTheCommand() {
        return noClasses().that(areAggregates()).and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(TENANCY + "..")
                .because("commands also arrive from Kafka consumers, where there is no request; the command "
                        + "carries its tenant")
                .allowEmptyShould(true);
    }

    /**
     * (c, part 3) Each command handler of an aggregate that may already exist calls
     * {@code TenantOwnership.requireSameTenant}. Only handlers with {@code @CreationPolicy(ALWAYS)} are exempt:
     * they always start a new aggregate, which takes the command's tenant.
     */
    public ArchRule aggregateCommandHandlersCheckTheTenantThroughTenantOwnership() {
        return methods().that().areAnnotatedWith(COMMAND_HANDLER)
                .and().areDeclaredInClassesThat(areAggregates())
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and(mayFindAnExistingAggregate())
                .should(callTenantOwnership())
                .because("the tenant check lives in one place per command: the aggregate, through the one helper "
                        + "whose NotFoundForTenant answers 404 like an unknown id")
                .allowEmptyShould(true);
    }

    /**
     * (c, part 4) An aggregate compares no tenant ids itself: no code that reads a {@code tenantId} field or
     * accessor also calls {@code equals}, {@code compareTo} or the like.
     */
    public ArchRule aggregatesCompareNoTenantsThemselves() {
        return classes().that(areAggregates()).and().resideInAPackage(root + "..")
                .should(compareTenantsOnlyThroughTenantOwnership())
                .because("a hand-written comparison is a second tenant check that can drift from the helper's "
                        + "(other exception, other answer, an id leaked in the message)")
                .allowEmptyShould(true);
    }

    static DescribedPredicate<JavaClass> areAggregates() {
        return DescribedPredicate.describe("are aggregates",
                type -> type.isAnnotatedWith(AGGREGATE_ROOT) || type.isMetaAnnotatedWith(AGGREGATE_ROOT)
                        || type.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(AGGREGATE_IDENTIFIER)));
    }

    private DescribedPredicate<JavaClass> anotherServicesImplementation() {
        return DescribedPredicate.describe("belong to another service outside its api package",
                type -> {
                    String pkg = type.getPackageName();
                    return within(pkg, NAMESPACE) && !within(pkg, root) && !within(pkg, PLATFORM)
                            && !ANY_SERVICES_API.matches(pkg);
                });
    }

    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }

    private static DescribedPredicate<JavaMethod> mayFindAnExistingAggregate() {
        return DescribedPredicate.describe("may find an existing aggregate (not @CreationPolicy(ALWAYS))",
                method -> method.tryGetAnnotationOfType(CREATION_POLICY)
                        .flatMap(policy -> policy.get("value"))
                        .map(value -> !(value instanceof JavaEnumConstant constant && constant.name().equals("ALWAYS")))
                        .orElse(true));
    }

    private static ArchCondition<JavaMethod> callTenantOwnership() {
        return new ArchCondition<>("call " + TENANT_OWNERSHIP + "." + REQUIRE_SAME_TENANT) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean checks = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().getName().equals(TENANT_OWNERSHIP)
                                && call.getName().equals(REQUIRE_SAME_TENANT));
                if (!checks) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " does not call TenantOwnership." + REQUIRE_SAME_TENANT + " in "
                            + method.getSourceCodeLocation()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> compareTenantsOnlyThroughTenantOwnership() {
        return new ArchCondition<>("compare tenants only through TenantOwnership") {
            @Override
            public void check(JavaClass aggregate, ConditionEvents events) {
                for (JavaCodeUnit code : aggregate.getCodeUnits()) {
                    boolean readsTenant = code.getFieldAccesses().stream()
                            .anyMatch(access -> access.getAccessType() == JavaFieldAccess.AccessType.GET
                                    && access.getName().equals("tenantId"))
                            || code.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("tenantId"));
                    code.getMethodCallsFromSelf().stream()
                            .filter(call -> readsTenant && COMPARISONS.contains(call.getName()))
                            .forEach(call -> events.add(SimpleConditionEvent.violated(aggregate, code.getFullName()
                                    + " reads a tenantId and calls " + call.getTarget().getFullName()
                                    + " in " + call.getSourceCodeLocation())));
                }
            }
        };
    }
}
