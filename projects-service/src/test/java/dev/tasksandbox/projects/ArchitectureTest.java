package dev.tasksandbox.projects;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.tasksandbox.projects", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_kernel_and_the_jdk = noClasses()
            .that()
            .resideInAPackage("..projects.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..projects.application..",
                    "..projects.infrastructure..",
                    "..projects.web..",
                    "..projects.messaging..",
                    "org.springframework..",
                    "io.r2dbc..",
                    // spans and timers are the adapters' business; the use cases do not know they are observed
                    "io.micrometer..",
                    "brave..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "reactor..",
                    "org.apache.kafka..",
                    // the wire format is translated in messaging; the core speaks its own language
                    "dev.tasksandbox.contracts..");

    @ArchTest
    static final ArchRule application_does_not_know_adapters = noClasses()
            .that()
            .resideInAPackage("..projects.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..projects.infrastructure..",
                    "..projects.web..",
                    "..projects.messaging..",
                    "org.springframework..",
                    "io.r2dbc..",
                    // spans and timers are the adapters' business; the use cases do not know they are observed
                    "io.micrometer..",
                    "brave..",
                    "org.apache.kafka..",
                    // the wire format is translated in messaging; the core speaks its own language
                    "dev.tasksandbox.contracts..");

    @ArchTest
    static final ArchRule messaging_and_web_call_use_cases_not_adapters = noClasses()
            .that()
            .resideInAnyPackage("..projects.messaging..", "..projects.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..projects.infrastructure..");

    @ArchTest
    static final ArchRule projects_never_imports_accounts =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.tasksandbox.accounts..");
}
