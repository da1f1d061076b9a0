package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import no.tenantdesk.cli.HelpSection.Example;
import no.tenantdesk.cli.HelpSection.Prose;
import no.tenantdesk.cli.HelpSection.Term;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Help sections as data: laid out for --help, and read from the footers of the commands' annotations. */
class HelpSectionTest {

    @Command(name = "demo", footerHeading = "%nExamples:%n", footer = {
        "  demo --fast",
        "  demo --slow | jq .",
        "",
        "Environment:",
        "  DEMO_PASSWORD  the password for --source",
        "",
        "A password goes only where TLS is.",
        "%nJSON output (--json):%n  An object: id,%n  name{first,last}.",
    })
    static final class Demo {}

    static String help(HelpSection section) {
        CommandLine command = new CommandLine(CommandSpec.create().name("x"));
        return section.render(command.getHelp()).replace(System.lineSeparator(), "\n");
    }

    @Test
    void aFootersElementsBecomeSectionsOfExamplesTermsAndParagraphs() {
        List<HelpSection> sections = HelpSection.ofFooter(new CommandLine(new Demo()).getCommandSpec().usageMessage());

        assertThat(sections).containsExactly(
                new HelpSection("Examples", List.of(new Example("demo --fast"), new Example("demo --slow | jq ."))),
                new HelpSection("Environment", List.of(new Term("DEMO_PASSWORD", "the password for --source"),
                        new Prose("A password goes only where TLS is."))),
                new HelpSection("JSON output (--json)", List.of(new Prose("An object: id, name{first,last}."))));
        assertThat(sections.get(2).title()).isEqualTo("JSON OUTPUT");
    }

    @Test
    void termsLineUpTheirTextAndALongTermHasItsTextBelow() {
        String help = help(new HelpSection("Environment", List.of(
                new Term("SHORT", "A short one."),
                new Term("A_VARIABLE_OF_MANY_LETTERS", "Its text " + "wraps at spaces only, ".repeat(5) + "end."))));

        assertThat(help).isEqualTo("""

                Environment:
                  SHORT                    A short one.
                  A_VARIABLE_OF_MANY_LETTERS
                                           Its text wraps at spaces only, wraps at spaces only,
                                           wraps at spaces only, wraps at spaces only, wraps at
                                           spaces only, end.
                """);
    }

    @Test
    void proseWrapsAtSpacesNeverInsideAWordsPunctuation() {
        String help = help(new HelpSection("JSON output", List.of(new Prose("An inquiry: "
                + "requester{id,name,email}, ".repeat(4) + "comments[], tasks[] and events[]."))));

        assertThat(help.lines().skip(2))
                .allSatisfy(line -> assertThat(line).startsWith("  ").hasSizeLessThanOrEqualTo(80))
                .anySatisfy(line -> assertThat(line).endsWith("requester{id,name,email},"));
        assertThat(help).contains("comments[], tasks[]").doesNotContain("{id,\n");
    }

    @Test
    void examplesAreShownAsTheyAreTyped() {
        String piped = "tenantdesk inquiry list --status all --location 'Bygg A' --search lekkasje --json"
                + " | jq -r .[].id";

        assertThat(help(HelpSection.examples("tenantdesk inquiry list", piped)))
                .isEqualTo("\nExamples:\n  tenantdesk inquiry list\n  " + piped + "\n");
    }

    @Test
    void everyCommandsFooterReadsAsSectionsAndEveryExampleCallsTenantdesk() {
        for (CommandSpec spec : ManPageTest.commands()) {
            for (HelpSection section : HelpSection.ofFooter(spec.usageMessage())) {
                assertThat(section.blocks()).as(spec.qualifiedName()).isNotEmpty();
                if (section.heading().equals("Examples")) {
                    // a comment, a command, one with a variable set, a pipe's source, a crontab line
                    assertThat(section.blocks()).as(spec.qualifiedName()).allSatisfy(block -> assertThat(
                            ((Example) block).line())
                            .matches("(#|tenantdesk|\\S+=\\S+ tenantdesk|echo|(\\S+ ){5}tenantdesk).*"));
                }
            }
        }
    }

    /** picocli formats each line of help as a format string; a bare % made --help print "[picocli WARN]" first. */
    @Test
    void everyCommandsHelpTextIsAFormatStringPicocliCanApply() {
        for (CommandSpec spec : ManPageTest.commands()) {
            List<String> lines = new java.util.ArrayList<>(List.of(spec.usageMessage().footer()));
            lines.addAll(List.of(spec.usageMessage().description()));
            spec.options().forEach(option -> lines.addAll(List.of(option.description())));
            for (String line : lines) {
                assertThatCode(() -> String.format(line)).as("%s: %s", spec.qualifiedName(), line)
                        .doesNotThrowAnyException();
            }
        }
    }
}
