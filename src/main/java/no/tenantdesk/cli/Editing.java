package no.tenantdesk.cli;

import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;

/** Text written in the person's editor, as for git commit: '#' lines are instructions, an empty text aborts. */
final class Editing {

    private Editing() {}

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
