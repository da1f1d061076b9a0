package no.tenantdesk.cli;

import java.nio.file.Path;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;

/** Text written in the person's editor, as for git commit: '#' lines are instructions, an empty text aborts. */
final class Editing {

    private Editing() {}

    /**
     * The text of a comment or reply on an inquiry: -m or --file when given; else, on a terminal, the editor (after
     * checking the inquiry exists, so a wrong id is found out before the person writes); else an error naming them.
     */
    static String forInquiry(App app, long inquiryId, String message, Path file, String instructions) {
        if (message == null && file == null && app.environment().terminal()) {
            app.queries().show(inquiryId);
            return text(app.environment().interaction(), instructions);
        }
        return TextInput.required(message, file, app.environment(), "-m", "--file");
    }

    static String text(Editor editor, String instructions) {
        String edited = editor.edit("\n" + instructions
                + "# Lines starting with '#' are left out; an empty text stores nothing.\n");
        String text = edited.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n")).strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("the text is empty: nothing stored");
        }
        return text;
    }
}
