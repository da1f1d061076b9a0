package no.tenantdesk.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import no.tenantdesk.cli.Interaction;
import org.jline.terminal.Terminal;

/** A person who answers the prompts from a script and records what was asked and suggested. */
public final class ScriptedInteraction implements Interaction {

    public record Question(String question, List<String> suggestions) {}

    private final Deque<String> answers;
    private final List<Question> asked = new ArrayList<>();

    public ScriptedInteraction(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    public List<Question> asked() {
        return asked;
    }

    @Override
    public String ask(String question, List<String> suggestions) {
        asked.add(new Question(question, List.copyOf(suggestions)));
        if (answers.isEmpty()) {
            throw new AssertionError("asked more than the script answers: " + question);
        }
        return answers.removeFirst();
    }

    @Override
    public String edit(String template) {
        throw new AssertionError("the editor was opened");
    }

    @Override
    public Terminal terminal() {
        throw new AssertionError("the terminal was opened");
    }
}
