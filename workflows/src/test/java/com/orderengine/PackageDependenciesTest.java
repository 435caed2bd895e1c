package com.orderengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code workflows/} read in the order an order flows, workflow → activities → Stripe and the
 * database → the order's own types, with the infrastructure that runs them to one side; these rules keep it so.
 */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                    "com.orderengine.order",
                    "com.orderengine.product",
                    "com.orderengine.mail",
                    "com.orderengine.infrastructure");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("com.orderengine.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theOrdersOwnTypesDependOnNoOtherPackageOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("com.orderengine.order")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.orderengine.order.(*)..", "com.orderengine.product..", "com.orderengine.infrastructure..")
                .check(CLASSES);
    }

    @Test
    void activitiesStripeAndTheDatabaseKnowNothingOfTheWorkflow() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.orderengine.order.activities..",
                        "com.orderengine.order.stripe..",
                        "com.orderengine.order.db..",
                        "com.orderengine.product..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.orderengine.order.workflow..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.orderengine.order.stripe..", "com.orderengine.order.db..", "com.orderengine.product..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.orderengine.order.activities..")
                .check(CLASSES);
    }

    @Test
    void mailKnowsNothingOfWhatItIsAbout() {
        noClasses()
                .that()
                .resideInAPackage("com.orderengine.mail..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.orderengine.order..", "com.orderengine.product..", "com.orderengine.infrastructure..")
                .check(CLASSES);
    }

    @Test
    void theOrderDoesNotDependOnTheInfrastructureThatRunsIt() {
        noClasses()
                .that()
                .resideInAnyPackage("com.orderengine.order..", "com.orderengine.product..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.orderengine.infrastructure..")
                .check(CLASSES);
    }
}
