package io.metasystem.mlcore;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of docs/design: a pure optimizer, a dependency-free error vocabulary, no cycles between features,
 * controllers only in api and never calling one another, nothing (the recommendation use case included) depending on
 * api.
 */
@AnalyzeClasses(packages = "io.metasystem.mlcore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule optimizerIsPure = classes()
            .that()
            .resideInAPackage("..mlcore.optimizer..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("..mlcore.optimizer..", "java..", "org.hipparchus..")
            .because("the allocation math must stay free of frameworks and I/O (deterministic, testable)");

    @ArchTest
    static final ArchRule optimizerDoesNoIo = noClasses()
            .that()
            .resideInAPackage("..mlcore.optimizer..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.nio.file..",
                    "java.nio.channels..",
                    "java.net..",
                    "java.sql..",
                    "java.util.concurrent..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.time.Clock")
            .orShould()
            .callMethodWhere(readsClockOrEnvironment())
            .because("no I/O, no clock, no global state in the optimizer");

    private static DescribedPredicate<JavaMethodCall> readsClockOrEnvironment() {
        Set<String> forbidden = Set.of(
                "java.lang.System.currentTimeMillis",
                "java.lang.System.nanoTime",
                "java.lang.System.getenv",
                "java.lang.System.getProperty",
                "java.lang.Math.random",
                "java.time.LocalDate.now",
                "java.time.Instant.now",
                "java.time.LocalDateTime.now");
        return DescribedPredicate.describe(
                "reads the clock, the environment or a global random source",
                call -> forbidden.contains(call.getTargetOwner().getName() + "." + call.getName()));
    }

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures =
            slices().matching("io.metasystem.mlcore.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersOnlyInApiAndWeb = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should()
            .resideInAnyPackage("..mlcore.api..", "..mlcore.web..");

    @ArchTest
    static final ArchRule nothingDependsOnApi = classes()
            .that()
            .resideOutsideOfPackage("..mlcore.api..")
            .and()
            .resideOutsideOfPackage("io.metasystem.mlcore")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackage("..mlcore.api..");

    @ArchTest
    static final ArchRule recommendationDoesNotDependOnApi = noClasses()
            .that()
            .resideInAPackage("..mlcore.recommendation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..mlcore.api..")
            .because("the use case is the layer below the web API: api calls it, never the other way round");

    @ArchTest
    static final ArchRule recommendationUsesOnlyWhatTheDesignAllows = classes()
            .that()
            .resideInAPackage("..mlcore.recommendation..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "..mlcore.recommendation..",
                    "..mlcore.optimizer..",
                    "..mlcore.ml..",
                    "..mlcore.store..",
                    "..mlcore.webhooks..",
                    "..mlcore.reporting..",
                    "..mlcore.errors..",
                    "java..",
                    "org.springframework..",
                    "tools.jackson..")
            .because("docs/design: the use case may use optimizer, ml, store, webhooks and reporting");

    @ArchTest
    static final ArchRule errorsDependOnNothing = classes()
            .that()
            .resideInAPackage("..mlcore.errors..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("..mlcore.errors..", "java..")
            .because("every package throws these, so they may use neither another package of ours nor a framework");

    @ArchTest
    static final ArchRule noControllerDependsOnAnotherController = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(Controller.class)
            .should(notDependOnAnotherController())
            .because("a rule two routes share belongs in a non-controller class, not in one controller called by "
                    + "another");

    private static boolean isController(JavaClass c) {
        return c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class);
    }

    private static ArchCondition<JavaClass> notDependOnAnotherController() {
        return new ArchCondition<>("not depend on another controller") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    JavaClass outer = target.getEnclosingClass().orElse(target);
                    if (!target.isAnnotation()
                            && !outer.equals(controller)
                            && (isController(target) || isController(outer))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
