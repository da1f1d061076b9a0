package no.tenantdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static no.tenantdesk.architecture.DaemonRulesTest.PRODUCTION;

import org.junit.jupiter.api.Test;

/**
 * Which package may use which: the arrows of DESIGN.md's architecture, checked. Dependencies point one way, from the
 * edge (the daemon, the commands) to the middle (the rules in service, the records in domain):
 * {@code domain ← store, mail ← service ← cli ← daemon}, with render and config beside cli and files for anyone
 * that writes the user's files. A new package must be placed here, or the build fails and says so.
 */
class LayersTest {

    @Test
    void dependenciesPointFromTheEdgeToTheMiddle() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("domain").definedBy("no.tenantdesk.domain..")
                .layer("files").definedBy("no.tenantdesk.files..")
                .layer("triage").definedBy("no.tenantdesk.triage..")
                .layer("sla").definedBy("no.tenantdesk.sla..")
                .layer("config").definedBy("no.tenantdesk.config..")
                .layer("render").definedBy("no.tenantdesk.render..")
                .layer("store").definedBy("no.tenantdesk.store..")
                .layer("mail").definedBy("no.tenantdesk.mail..")
                .layer("service").definedBy("no.tenantdesk.service..")
                .layer("cli").definedBy("no.tenantdesk.cli..")
                .layer("daemon").definedBy("no.tenantdesk.daemon..")
                .whereLayer("domain").mayNotAccessAnyLayer()
                .whereLayer("files").mayNotAccessAnyLayer()
                // Decisions on parsed mail, pure; the config's rules are its values, as written and checked.
                .whereLayer("triage").mayOnlyAccessLayers("domain", "mail")
                // Working-time arithmetic and the holiday calendar, pure; the config's sla: is made into its policy.
                .whereLayer("sla").mayOnlyAccessLayers("domain")
                .whereLayer("config").mayOnlyAccessLayers("domain", "triage", "sla")
                .whereLayer("render").mayOnlyAccessLayers("domain")
                .whereLayer("store").mayOnlyAccessLayers("domain", "files")
                .whereLayer("mail").mayOnlyAccessLayers("domain", "files")
                .whereLayer("service").mayOnlyAccessLayers("domain", "files", "store", "mail", "triage", "sla")
                .whereLayer("cli").mayOnlyAccessLayers("domain", "files", "config", "render", "store", "mail",
                        "service", "triage", "sla")
                .whereLayer("daemon").mayOnlyAccessLayers("files", "cli")
                .because("a rule lives in service and is reached from cli: a store or mail class that needs a service"
                        + " or a command has its arrow backwards (move the decision up into service, or pass what"
                        + " it needs down as a parameter); a new package gets its place in LayersTest")
                .check(PRODUCTION);
    }

    @Test
    void everyPackageHasAPlaceInTheLayers() {
        classes().should().resideInAnyPackage("no.tenantdesk.domain..", "no.tenantdesk.files..",
                        "no.tenantdesk.config..", "no.tenantdesk.render..", "no.tenantdesk.store..",
                        "no.tenantdesk.mail..", "no.tenantdesk.service..", "no.tenantdesk.cli..",
                        "no.tenantdesk.daemon..", "no.tenantdesk.triage..", "no.tenantdesk.sla..")
                .because("LayersTest places each package; give a new one its place (and its arrows) there")
                .check(PRODUCTION);
    }

    @Test
    void theDomainUsesNoFramework() {
        classes().that().resideInAPackage("no.tenantdesk.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("no.tenantdesk.domain..", "java..")
                .because("domain holds the records and rules every layer shares, in plain Java: Jackson, MyBatis"
                        + " or Jakarta Mail belong to the layer that speaks that format (render, store, mail)")
                .check(PRODUCTION);
    }
}
