package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.oauth.TokenStore.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path state;

    TokenStore store() {
        return new TokenStore(state.resolve("tenantdesk/oauth"));
    }

    @Test
    void tokensAreKeptInAFolderAndFileForTheUserAlone() throws Exception {
        Files.createDirectories(state.resolve("tenantdesk"));
        Files.setPosixFilePermissions(state.resolve("tenantdesk"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Stored stored = new Stored("rt-1", "at-1", Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T09:00:00Z"));

        store().write("drift", "kari-abc", stored);

        assertThat(store().read("drift", "kari-abc")).isEqualTo(stored);
        assertThat(mode(state.resolve("tenantdesk/oauth"))).isEqualTo("rwx------");
        assertThat(mode(state.resolve("tenantdesk/oauth/kari-abc.json"))).isEqualTo("rw-------");
        try (var files = Files.list(state.resolve("tenantdesk/oauth"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("kari-abc.json");
        }
    }

    @Test
    void aFileOthersMayReadIsRefusedNotUsed() throws Exception {
        store().write("drift", "kari-abc", new Stored("rt-1", null, null, null));
        Files.setPosixFilePermissions(state.resolve("tenantdesk/oauth/kari-abc.json"),
                PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> store().read("drift", "kari-abc"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kari-abc.json keeps tokens and others may read it");
    }

    @Test
    void nothingKeptIsEmpty() {
        assertThat(store().read("drift", "nobody")).isEqualTo(Stored.EMPTY);
    }

    @Test
    void whatIsKeptNeverShowsATokenWhenPrinted() {
        assertThat(new Stored("rt-secret", "at-secret", Instant.EPOCH, Instant.EPOCH).toString())
                .doesNotContain("secret");
    }

    /** The daemon's threads and other processes refresh in turn: one at a time holds the lock. */
    @Test
    void theLockLetsOneHolderInAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> store().locked("drift", "kari-abc", () -> {
                int now = inside.incrementAndGet();
                synchronized (seen) {
                    seen.add(now);
                }
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return null;
            }));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(seen).containsOnly(1).hasSize(4);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
