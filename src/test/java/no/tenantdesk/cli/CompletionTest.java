package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import no.tenantdesk.domain.CliEnum;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;
import org.junit.jupiter.api.Test;

/** The completion scripts the build writes, made here in-process from the same picocli model. */
class CompletionTest {

    static final String BASH = Docs.bashCompletion();

    @Test
    void bashCompletionListsTheCommandsAndSubcommands() {
        assertThat(BASH).contains("local commands=\""
                + String.join(" ", Docs.model().getSubcommands().keySet()) + "\"");
        assertThat(Docs.model().getSubcommands().keySet()).contains("inquiry", "search", "shell");
        assertThat(BASH).contains("local commands=\"create list show update merge\"",
                "local commands=\"create list show status notify\"", "local commands=\"add list get\"",
                "local commands=\"add list show update export forget\"", "local commands=\"add list update\"",
                "local commands=\"test\"");
    }

    @Test
    void enumValuesAreOfferedAsTheCommandLineSpellsThem() {
        assertThat(BASH).contains(
                "STATUS_pos_param_args=(" + quoted(Status.class) + ")",
                "STATUS_option_args=(" + quoted(Status.class) + ")",
                "PRIORITY_option_args=(" + quoted(Priority.class) + ")",
                "SOURCE_option_args=(" + quoted(Source.class) + ")",
                "KIND_option_args=(" + quoted(TaskKind.class) + ")",
                "ROLE_option_args=(" + quoted(ContactRole.class) + ")");
        assertThat(BASH).contains("\"in-progress\"").doesNotContain("IN_PROGRESS", "WALK_IN");
    }

    @Test
    void inquiryListStatusAlsoOffersOpenAndAll() {
        assertThat(BASH).contains("STATUS_option_args=(\"todo\" \"in-progress\" \"done\" \"open\" \"all\" \"to-do\" \"pågår\" \"fullført\")");
    }

    @Test
    void zshLoadsTheSameScriptThroughBashcompinit() {
        String zsh = Docs.zshCompletion(BASH);

        assertThat(zsh).startsWith("#compdef tenantdesk\n")
                .contains("bashcompinit", "compopt()", "function _complete_tenantdesk");
        assertThat(zsh).endsWith("_bash_complete -F _complete_tenantdesk -o default\n");
    }

    static <E extends Enum<E> & CliEnum> String quoted(Class<E> type) {
        StringBuilder quoted = new StringBuilder();
        for (String spelling : CliEnum.typed(type)) {
            quoted.append(quoted.length() == 0 ? "" : " ").append('"').append(spelling).append('"');
        }
        return quoted.toString();
    }
}
