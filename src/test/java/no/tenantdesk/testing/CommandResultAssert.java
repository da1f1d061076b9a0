package no.tenantdesk.testing;

import org.assertj.core.api.AbstractAssert;

/** assertThat(result).succeeded().printed("…"): what a command-line test says, in its words. */
public final class CommandResultAssert extends AbstractAssert<CommandResultAssert, CommandResult> {

    private CommandResultAssert(CommandResult actual) {
        super(actual, CommandResultAssert.class);
    }

    public static CommandResultAssert assertThat(CommandResult actual) {
        return new CommandResultAssert(actual);
    }

    public CommandResultAssert succeeded() {
        return exitedWith(0);
    }

    public CommandResultAssert exitedWith(int code) {
        isNotNull();
        if (actual.exitCode() != code) {
            failWithMessage("expected exit code %d but was %d%n%s", code, actual.exitCode(), actual);
        }
        return this;
    }

    public CommandResultAssert printed(String... fragments) {
        for (String fragment : fragments) {
            if (!actual.out().contains(fragment)) {
                failWithMessage("expected stdout to contain%n  <%s>%n%s", fragment, actual);
            }
        }
        return this;
    }

    public CommandResultAssert didNotPrint(String fragment) {
        if (actual.out().contains(fragment)) {
            failWithMessage("expected stdout not to contain%n  <%s>%n%s", fragment, actual);
        }
        return this;
    }

    public CommandResultAssert saidOnStderr(String... fragments) {
        for (String fragment : fragments) {
            if (!actual.err().contains(fragment)) {
                failWithMessage("expected stderr to contain%n  <%s>%n%s", fragment, actual);
            }
        }
        return this;
    }

    /** A failure is one line on stderr, with nothing on stdout and no stack trace. */
    public CommandResultAssert failedWith(int code, String message) {
        exitedWith(code);
        String firstLine = actual.err().lines().findFirst().orElse("");
        if (!firstLine.startsWith("tenantdesk: ") || !firstLine.contains(message)) {
            failWithMessage("expected stderr to start with one line containing%n  <%s>%n%s", message, actual);
        }
        if (actual.err().contains("\tat ") || actual.err().contains("Exception")) {
            failWithMessage("expected no stack trace or exception name on stderr%n%s", actual);
        }
        if (!actual.out().isEmpty()) {
            failWithMessage("expected nothing on stdout%n%s", actual);
        }
        return this;
    }

    public CommandResultAssert stderrIsEmpty() {
        if (!actual.err().isEmpty()) {
            failWithMessage("expected nothing on stderr%n%s", actual);
        }
        return this;
    }
}
