package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theStreamProviderMainNamesIsTheOneJakartaMailWouldFind() {
        assertThat(Main.STREAM_PROVIDER_PROPERTY).isEqualTo(StreamProvider.class.getName());
        assertThat(ServiceLoader.load(StreamProvider.class).stream().map(provider -> provider.type().getName()))
                .containsExactly(Main.STREAM_PROVIDER);
    }
}
