package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tenantdesk.domain.CliEnum;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages as the build writes them, made here in-process from the same picocli model. */
class ManPageTest {

    static final Map<String, String> PAGES = Docs.manPages("9.9.9-test");

    static List<CommandSpec> commands() {
        List<CommandLine> all = new ArrayList<>();
        ManPage.collect(Docs.model(), all);
        return all.stream().map(CommandLine::getCommandSpec).toList();
    }

    static Stream<CommandSpec> subcommands() {
        return commands().stream().filter(spec -> spec.parent() != null);
    }

    static String roff(String text) {
        return Roff.escape(text);
    }

    @Test
    void everyCommandHasAGitStylePage() {
        assertThat(PAGES.keySet()).contains("tenantdesk", "tenantdesk-inquiry", "tenantdesk-inquiry-create",
                "tenantdesk-status", "tenantdesk-task-status", "tenantdesk-attachment-get",
                "tenantdesk-location-update");
        assertThat(PAGES).hasSameSizeAs(commands());
    }

    @Test
    void rootPageMentionsEverySubcommandAndItsPage() {
        String root = PAGES.get("tenantdesk");

        subcommands().forEach(spec -> {
            String relative = spec.qualifiedName(" ").substring("tenantdesk ".length());
            assertThat(root).as(relative).contains("\\fB" + roff(relative) + "\\fR");
            assertThat(root).as(relative).contains(".BR " + roff(spec.qualifiedName("-")) + " (1)");
        });
    }

    @Test
    void rootPageListsEveryExitCode() {
        String root = PAGES.get("tenantdesk");

        assertThat(root).contains(".SH \"EXIT STATUS\"");
        for (int code : new int[] {ExitCodes.OK, ExitCodes.FAILURE, ExitCodes.USAGE, ExitCodes.NOT_FOUND,
                ExitCodes.PARTIAL, ExitCodes.TEMPORARY}) {
            assertThat(root).contains(".TP\n\\fB" + code + "\\fR\n");
        }
        for (String line : ExitCodes.LIST) {
            assertThat(root).contains(roff(line.substring(line.indexOf(':') + 1)));
        }
    }

    @Test
    void rootPageDocumentsTheEnvironmentTheConfigFileAndJson() {
        String root = PAGES.get("tenantdesk");

        assertThat(root).contains(".SH \"ENVIRONMENT\"", ".SH \"FILES\"", ".SH \"JSON OUTPUT\"", ".SH \"EXAMPLES\"");
        for (String variable : List.of("TENANTDESK_DB", "TENANTDESK_CONFIG", "TENANTDESK_USER",
                "TENANTDESK_BUSY_TIMEOUT", "COLUMNS", "NO_COLOR", "TENANTDESK_JAVA_OPTS")) {
            assertThat(root).contains(".TP\n\\fB" + variable + "\\fR\n");
        }
        assertThat(root).contains("config/tenantdesk.yaml", "~/.config/tenantdesk/tenantdesk.yaml");
        assertThat(root).contains("createdAt", "closedAt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subcommands")
    void eachSubcommandPageListsItsOwnAndTheGlobalOptions(CommandSpec spec) {
        String page = PAGES.get(spec.qualifiedName("-"));

        assertThat(page).contains(".SH \"NAME\"", ".SH \"SYNOPSIS\"", ".SH \"GLOBAL OPTIONS\"", ".SH \"EXIT STATUS\"",
                ".SH \"EXAMPLES\"");
        for (OptionSpec option : spec.options()) {
            assertThat(page).as(option.longestName()).contains(".TP\n\\fB" + roff(option.names()[0]) + "\\fR");
            for (String name : option.names()) {
                assertThat(page).as(name).contains("\\fB" + roff(name) + "\\fR");
            }
        }
        for (String global : List.of("--db", "--config", "--json", "--as", "--quiet", "--verbose", "--no-color")) {
            assertThat(page).contains("\\fB" + roff(global) + "\\fR");
        }
        spec.positionalParameters().forEach(p -> assertThat(page).contains(".TP\n\\fI" + roff(p.paramLabel())));
    }

    @Test
    void commandsThatPrintInquiriesDescribeTheirJson() {
        for (String name : List.of("tenantdesk-inquiry-create", "tenantdesk-inquiry-list", "tenantdesk-inquiry-show",
                "tenantdesk-inquiry-update", "tenantdesk-status")) {
            assertThat(PAGES.get(name)).as(name)
                    .contains(".SH \"JSON OUTPUT\"", "requester{id,name,email}", "createdAt", "closedAt");
        }
        assertThat(PAGES.get("tenantdesk-contact-add")).doesNotContain("JSON OUTPUT");
    }

    @Test
    void enumOptionsListTheirCliSpellings() {
        assertThat(PAGES.get("tenantdesk-inquiry-create"))
                .contains(roff(Spellings.PRIORITIES), roff(spellings(Source.class)));
        assertThat(PAGES.get("tenantdesk-status")).contains(roff(Spellings.STATUSES));
        assertThat(PAGES.get("tenantdesk-task-create")).contains(roff(Spellings.KINDS));
        assertThat(PAGES.get("tenantdesk-contact-add")).contains(roff(spellings(ContactRole.class)));
    }

    static <E extends Enum<E> & CliEnum> String spellings(Class<E> type) {
        return CliEnum.spellings(type);
    }

    @Test
    void everyPageIsPlainRoffWithItsTitle() {
        PAGES.forEach((name, page) -> {
            assertThat(page).startsWith("'\\\" -*- coding: UTF-8 -*-\n");
            assertThat(page).contains(".TH \"" + roff(name.toUpperCase(java.util.Locale.ROOT)) + "\" 1 ");
            assertThat(page).contains("\"tenantdesk 9.9.9\\-test\"");
            // No unescaped hyphen in text and no text line that roff would read as a request.
            for (String line : page.split("\n")) {
                if (!line.startsWith(".") && !line.startsWith("'\\\"")) {
                    assertThat(line.replace("\\-", "")).as(name + ": " + line).doesNotContain("-");
                }
                assertThat(line).as(name).doesNotStartWith(" ");
            }
        });
    }

    @Test
    void escapesWhatRoffWouldReadAsMarkup() {
        assertThat(Roff.escape("-o -")).isEqualTo("\\-o \\-");
        assertThat(Roff.escape("C:\\temp")).isEqualTo("C:\\etemp");
        assertThat(Roff.escape(".hidden")).isEqualTo("\\&.hidden");
        assertThat(Roff.escape("'quoted'")).isEqualTo("\\&'quoted'");
        assertThat(Roff.escape("Bygg A/2. etasje")).isEqualTo("Bygg A/2. etasje");
    }

    @Test
    void theRootsSectionsShowInItsHelpButNotInASubcommands() {
        String root = Docs.model().getUsageMessage();
        String create = Docs.model().getSubcommands().get("inquiry").getSubcommands().get("create").getUsageMessage();

        assertThat(root).contains("Environment:", "TENANTDESK_BUSY_TIMEOUT", "Files:", "Examples:");
        assertThat(create).contains("Examples:", "tenantdesk inquiry create --title").doesNotContain("Environment:");
    }
}
