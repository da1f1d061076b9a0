package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The launcher names Jakarta Mail's stream provider, which Jakarta Mail would otherwise look up for every header. */
class StreamProviderTest {

    @Test
    void theLauncherNamesTheProviderJakartaMailWouldFind() throws IOException {
        String launcher = Files.readString(Path.of("scripts/tenantdesk"));
        String provider = ServiceLoader.load(StreamProvider.class).stream().map(p -> p.type().getName()).findFirst()
                .orElseThrow();

        assertThat(launcher).contains("-D" + StreamProvider.class.getName() + "=" + provider + ")");
    }
}
