package com.souq.commerce.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of ARCHITECTURE.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "com.souq.commerce", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule messagesKnowNoFramework = noClasses()
            .that().resideInAnyPackage("com.souq.commerce.shared..", "com.souq.commerce.*.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.hibernate..", "com.souq.commerce.platform..")
            .as("shared-kernel (ids, money, commands, events) knows no Spring, no JPA and no infrastructure");

    @ArchTest
    static final ArchRule commandSideNeverSeesQuerySide = noClasses()
            .that().resideInAnyPackage("..command..")
            .should().dependOnClassesThat().resideInAnyPackage("..query..")
            .as("the command side never reads read models");

    @ArchTest
    static final ArchRule querySideNeverSendsCommands = noClasses()
            .that().resideInAnyPackage("..query..")
            .should().dependOnClassesThat().resideInAnyPackage("..command..")
            .as("the query side never touches aggregates");

    @ArchTest
    static final ArchRule readModelsStayOutOfTheKernel = noClasses()
            .that().resideInAnyPackage("com.souq.commerce.shared..", "com.souq.commerce.*.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..query..")
            .as("read-model types never go into shared-kernel");
}
