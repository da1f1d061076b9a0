package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The man pages the build wrote into man/, rendered by man-db and groff as a reader gets them. */
class ManPageIT {

    static final Path MAN = Path.of("man").toAbsolutePath();

    @TempDir
    Path scratch;

    record Rendered(int exitCode, String out, String err) {}

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(MAN)) {
            return files.filter(p -> p.toString().endsWith(".1")).sorted().toList().stream();
        }
    }

    Rendered run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        Map<String, String> env = builder.environment();
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("MANWIDTH", "80");
        env.put("MANPAGER", "cat");
        env.put("PAGER", "cat");
        Path out = scratch.resolve("out");
        Path err = scratch.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + List.of(command));
        }
        return new Rendered(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theBuildWroteOnePagePerCommandAndNoOthers() throws IOException {
        assertThat(pages().map(p -> p.getFileName().toString().replaceAll("\\.1$", "")))
                .containsExactlyInAnyOrderElementsOf(Docs.manPages("any").keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void groffReadsEveryPageWithoutAWarning(Path page) throws Exception {
        Rendered checked = run("groff", "-man", "-k", "-ww", "-z", page.toString());

        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void manRendersEveryPageWithItsSections(Path page) throws Exception {
        Rendered rendered = run("man", "--warnings", "-l", page.toString());

        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        assertThat(rendered.err()).isEmpty();
        String name = page.getFileName().toString().replaceAll("\\.1$", "");
        assertThat(rendered.out()).contains("NAME\n       " + name + " - ", "SYNOPSIS\n", "DESCRIPTION\n",
                "OPTIONS\n", "EXAMPLES\n", "EXIT STATUS\n", "75", "SEE ALSO\n");
        // Nothing of the markup shows: no font escapes, no requests, no stray escaped hyphens.
        assertThat(rendered.out()).doesNotContain("\\f", "\\-", "\\e", "\\&", "\n.TP", "\n.SH", "%n");
    }

    @Test
    void theRootPageReadsAsAManual() throws Exception {
        Rendered rendered = run("man", "--warnings", "-l", MAN.resolve("tenantdesk.1").toString());

        assertThat(rendered.out()).contains("COMMANDS\n", "inquiry create\n", "location update\n", "JSON OUTPUT\n",
                "ENVIRONMENT\n", "TENANTDESK_BUSY_TIMEOUT\n", "TENANTDESK_JAVA_OPTS\n", "FILES\n",
                "~/.config/tenantdesk/tenantdesk.yaml", "config/tenantdesk.yaml", "requester{id,name,email}",
                "tenantdesk-inquiry-create(1)");
        assertThat(rendered.out()).contains("       --db PATH|URL\n");
    }

    @Test
    void lettersBeyondAsciiRenderAsThemselves() throws Exception {
        Rendered status = run("man", "--warnings", "-l", MAN.resolve("tenantdesk-status.1").toString());
        Rendered comment = run("man", "--warnings", "-l", MAN.resolve("tenantdesk-comment.1").toString());

        assertThat(status.err() + comment.err()).isEmpty();
        assertThat(status.out()).contains("done → todo reopens it");
        assertThat(comment.out()).contains("rørlegger kommer i morgen");
    }
}
