package com.newsdesk.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's packages depend one way: article at the bottom, then listing and render, publish, and the reader
 * features (comment, share, newsletter) on top; a cycle would tie them into one piece that changes together.
 */
@AnalyzeClasses(packages = "com.newsdesk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchRule noCyclesBetweenTheCoresPackages =
            slices().matching("com.newsdesk.core.(*)..").should().beFreeOfCycles();
}
