package no.tenantdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daemon's rules, checked by the build instead of stated in a comment. One JVM serves commands typed by its user
 * in many folders and shells: a command that read the JVM's own environment, home or working folder would get the
 * first client's, or the daemon's. So every command reads them through {@link no.tenantdesk.cli.Environment}, which
 * the daemon fills from each request; the classes below are the honest exceptions, each with why.
 */
class DaemonRulesTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.tenantdesk");

    /** May read the JVM's own environment variables and system properties. */
    static final Map<String, String> OWN_PROCESS_READERS = Map.of(
            "no.tenantdesk.cli.Environment",
            "the one door: Environment.system() is a process's own world, for a command in a process of its own;"
                    + " the daemon makes an Environment of each request instead",
            "no.tenantdesk.daemon.Client",
            "the launcher's JVM, before any daemon: it sends its own environment and folder with the request",
            "no.tenantdesk.daemon.Daemons",
            "where the user's daemon listens and starting it: the client's side; and the program it runs",
            "no.tenantdesk.daemon.Daemon",
            "the daemon's own jar, which it watches for a new build; no command's setting",
            "no.tenantdesk.store.NativeLibrary",
            "the SQLite driver's native library, loaded once per JVM whatever the command",
            "no.tenantdesk.mail.in.MailSources",
            "opens fetch-mail's mailboxes (maildir:~/…), and fetch-mail runs in a process of its own"
                    + " (cli.OwnProcess), whose home and folder are its user's",
            "no.tenantdesk.cli.Docs",
            "writes the man pages and completion at build time; never run by a user");

    /** May make a Path or File of a name that could be relative. */
    static final Map<String, String> PATH_MAKERS = Map.of(
            "no.tenantdesk.cli.Environment",
            "Environment.path: every name a user gives, resolved against the client's folder",
            "no.tenantdesk.daemon.Call",
            "the client's working folder, which the request must give as an absolute path",
            "no.tenantdesk.daemon.Client",
            "the launcher's JVM: its own folder, sent with the request",
            "no.tenantdesk.daemon.Daemons",
            "absolute paths only: the runtime folder, /usr/bin/setsid, java.home",
            "no.tenantdesk.daemon.Daemon",
            "its socket, made absolute as it starts, and its own jar",
            "no.tenantdesk.mail.in.MailSources",
            "maildir: and mbox: paths for fetch-mail, which runs in a process of its own (cli.OwnProcess)",
            "no.tenantdesk.cli.Docs",
            "the project's own files at build time");

    static DescribedPredicate<JavaClass> exempt(Map<String, String> exceptions) {
        return DescribedPredicate.describe("an exception listed with why in the architecture tests",
                javaClass -> exceptions.containsKey(javaClass.getName())
                        || exceptions.containsKey(javaClass.getName().replaceFirst("\\$.*", "")));
    }

    @Test
    void commandsReadNoEnvironmentVariableOfTheJvm() {
        noClasses().that(DescribedPredicate.not(exempt(OWN_PROCESS_READERS)))
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("the daemon's environment is not the client's: read Environment.get")
                .check(PRODUCTION);
    }

    @Test
    void commandsReadNoSystemPropertySuchAsTheHomeOrWorkingFolder() {
        noClasses().that(DescribedPredicate.not(exempt(OWN_PROCESS_READERS)))
                .should().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(System.class, "getProperties")
                .because("user.home, user.dir and user.name are the daemon's, not the client's: ask Environment")
                .check(PRODUCTION);
    }

    @Test
    void commandsMakeNoPathOfANameThatCouldBeRelative() {
        noClasses().that(DescribedPredicate.not(exempt(PATH_MAKERS)))
                .should().callMethod(Path.class, "of", String.class, String[].class)
                .orShould().callMethod(Paths.class, "get", String.class, String[].class)
                .orShould().callMethod(FileSystem.class, "getPath", String.class, String[].class)
                .orShould().callConstructor(File.class, String.class)
                .orShould().callConstructor(File.class, String.class, String.class)
                .because("a relative name is relative to the daemon's folder, not the client's: use Environment.path")
                .check(PRODUCTION);
    }
}
