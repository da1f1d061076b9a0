package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One whole man page against the page it should be. */
class ManPageGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/man/tenantdesk-attachment-get.1");

    /**
     * Every section, in order. A change to the page's command, to the global options or to how pages are written
     * shows here first; when the change is meant, copy the page the test wrote to target/golden/ over the golden
     * file and review the difference.
     */
    @Test
    void thePageOfAttachmentGetIsAsItsGoldenFile() throws IOException {
        String page = ManPageTest.PAGES.get("tenantdesk-attachment-get");
        Path written = Path.of("target/golden").resolve(GOLDEN.getFileName());
        Files.createDirectories(written.getParent());
        Files.writeString(written, page);

        assertThat(page).as("the page (written to %s) against %s", written, GOLDEN)
                .isEqualTo(Files.readString(GOLDEN));
    }
}
