package dev.tasksandbox.accounts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.tasksandbox.accounts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_kernel_and_the_jdk = noClasses()
            .that()
            .resideInAPackage("..accounts.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..accounts.application..",
                    "..accounts.infrastructure..",
                    "..accounts.web..",
                    "org.springframework..",
                    "io.r2dbc..",
                    // spans and timers are the adapters' business; the use cases do not know they are observed
                    "io.micrometer..",
                    "brave..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "reactor..",
                    "io.debezium..",
                    // the wire format is translated at the adapters; the core speaks its own language
                    "dev.tasksandbox.contracts..",
                    "dev.tasksandbox.outboxrelay..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule application_does_not_know_adapters = noClasses()
            .that()
            .resideInAPackage("..accounts.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..accounts.infrastructure..",
                    "..accounts.web..",
                    "org.springframework..",
                    "io.r2dbc..",
                    // spans and timers are the adapters' business; the use cases do not know they are observed
                    "io.micrometer..",
                    "brave..",
                    "io.debezium..",
                    // the wire format is translated at the adapters; the core speaks its own language
                    "dev.tasksandbox.contracts..",
                    "dev.tasksandbox.outboxrelay..",
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule web_does_not_reach_into_infrastructure = noClasses()
            .that()
            .resideInAPackage("..accounts.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..accounts.infrastructure..");

    @ArchTest
    static final ArchRule accounts_never_imports_projects =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.tasksandbox.projects..");
}
