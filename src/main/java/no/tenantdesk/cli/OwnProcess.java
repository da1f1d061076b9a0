package no.tenantdesk.cli;

import java.util.List;

/**
 * The commands that run in a process of their own, never in the daemon: fetch-mail holds the fetch lock, which the
 * operating system gives per process, and its memory is for the mail it reads; the shell reads the terminal; mail
 * login waits minutes for a person, and the sign-in it gets is no business of the daemon's. This is
 * the one list: the commands take their names from these constants, {@link Main#runResident} hands them back to the
 * client by them, and the client, which does not load picocli, knows them by these words.
 */
public final class OwnProcess {

    public static final String FETCH_MAIL = "fetch-mail";
    public static final String SHELL = "shell";
    public static final String MAIL = "mail";

    private static final String[] COMMANDS = {FETCH_MAIL, SHELL, MAIL};

    private OwnProcess() {}

    /**
     * Whether the arguments may name one of these commands: then the client starts no daemon for them. A cron job
     * fetching mail every few minutes would otherwise keep a daemon resident for good, and its warm-up would take the
     * second core from the import it runs beside. Told by the words alone, as picocli is not loaded in the client: an
     * argument that merely says "shell" (a title, say) only means that this command starts no daemon.
     */
    public static boolean named(String... args) {
        for (String arg : args) {
            if (is(arg)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the top-level command of this name runs in a process of its own. */
    static boolean is(String command) {
        for (String name : COMMANDS) {
            if (name.equals(command)) {
                return true;
            }
        }
        return false;
    }

    static List<String> commands() {
        return List.of(COMMANDS);
    }
}
