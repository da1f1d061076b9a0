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
 * Every environment variable the program reads is one a user can look up: a term of its own in tenantdesk(1)'s
 * ENVIRONMENT section (generated from HelpSections, which --help shows too) and named in the README.
 */
class EnvironmentDocsTest {

    /** Read with the meaning the system gives them, documented by it. */
    static final Set<String> THE_SYSTEMS = Set.of("HOME", "TERM", "TMPDIR", "TZ", "XDG_RUNTIME_DIR",
            "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME");

    static final Pattern READ = Pattern.compile("(?:get|getenv)\\(\"([A-Z][A-Z0-9_]+)\"\\)");

    @Test
    void everyVariableTheProgramReadsIsDocumented() throws IOException {
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
        String page = Files.readString(Path.of("man/tenantdesk.1"));
        String environment = page.substring(page.indexOf(".SH \"ENVIRONMENT\""));
        environment = environment.substring(0, environment.indexOf(".SH ", 1));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(read).contains("TENANTDESK_DB", "TENANTDESK_SMTP_URL");
        for (String variable : read) {
            assertThat(environment).as("%s as a term in HelpSections' Environment (then mvn process-classes)",
                    variable).containsPattern("\\n\\\\fB([A-Z_, ]*, )?" + variable + "(, [A-Z_, ]*)?\\\\fR\\n");
            assertThat(readme).as("%s in the README's Configuration", variable).contains("`" + variable);
        }
    }
}
