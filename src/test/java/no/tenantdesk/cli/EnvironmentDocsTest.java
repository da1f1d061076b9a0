package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the program reads is one a user can look up: declared in {@link Settings}, whose table
 * writes tenantdesk(1)'s and --help's Environment section, named in the README, and, when a config key gives the
 * same setting, named beside that key in the documented example config.
 */
class EnvironmentDocsTest {

    /** Read with the meaning the system gives them, documented by it. */
    static final Set<String> THE_SYSTEMS = Set.of("HOME", "TERM", "TMPDIR", "TZ", "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME");

    static final Pattern READ = Pattern.compile("(?:get|getenv)\\(\"([A-Z][A-Z0-9_]+)\"\\)");

    static Set<String> declared() {
        Set<String> declared = new TreeSet<>();
        Settings.ALL.forEach(setting -> declared.add(setting.variable()));
        return declared;
    }

    @Test
    void everyVariableTheCodeReadsByNameIsDeclaredInSettings() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        read.removeAll(THE_SYSTEMS);

        assertThat(read).isNotEmpty();
        assertThat(declared()).as("variables read by name, to declare in Settings.ALL").containsAll(read);
    }

    @Test
    void everySettingIsATermOfTheManPagesEnvironmentAndNamedInTheReadme() throws IOException {
        String page = Files.readString(Path.of("man/tenantdesk.1"));
        String environment = page.substring(page.indexOf(".SH \"ENVIRONMENT\""));
        environment = environment.substring(0, environment.indexOf(".SH ", 1));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(declared()).contains("TENANTDESK_DB", "TENANTDESK_SMTP_URL", "PGPASSWORD");
        for (String variable : declared()) {
            assertThat(environment).as("%s in man/tenantdesk.1 (mvn process-classes writes it)", variable)
                    .contains(".TP\n\\fB" + variable + "\\fR\n");
            assertThat(readme).as("%s in the README's Configuration", variable).contains("`" + variable);
        }
    }

    @Test
    void aVariableThatWinsOverAConfigKeyIsNamedInTheExampleConfig() throws IOException {
        String example = Files.readString(Path.of("config/tenantdesk.yaml"));

        for (Settings.Setting<?> setting : Settings.ALL) {
            if (setting.configKey() != null) {
                String key = setting.configKey().substring(setting.configKey().lastIndexOf(' ') + 1);
                assertThat(example).as(setting.configKey()).contains(key + " ").contains(setting.variable());
            }
        }
    }
}
