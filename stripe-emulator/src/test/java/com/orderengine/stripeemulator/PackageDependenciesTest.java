package com.orderengine.stripeemulator;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No package of the emulator reaches back into one that depends on it. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.orderengine.stripeemulator");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("com.orderengine.stripeemulator.(**)")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }
}
