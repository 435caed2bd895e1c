package com.orderengine.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The api is one package per feature, beside {@code errors} and {@code http}; none reaches back into another. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.orderengine.api");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("com.orderengine.api.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
