package no.tenantdesk.mail.oauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;

/**
 * Tokens kept between runs, for the user alone: a folder only they may enter (0700) with a file per account's
 * identity (0600), written whole to a new file and renamed over the old, so a crash leaves the old one or the new one.
 * A file others may read is refused rather than used: its tokens may have been read already.
 *
 * <p>Cron's fetch-mail and an operator's reply may refresh the same tokens at once, and some servers take a refresh
 * token only once: {@link #locked} holds a lock file, between processes and between the daemon's threads.
 */
public final class TokenStore {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Duration LOCK_WAIT = Duration.ofSeconds(90);

    private final Path folder;
    private final ObjectMapper json = new ObjectMapper();

    /** @param folder $XDG_STATE_HOME/tenantdesk/oauth, made on first write */
    public TokenStore(Path folder) {
        this.folder = folder;
    }

    /**
     * What is kept for one identity; every field may be null.
     *
     * @param refreshToken from a person's sign-in
     * @param accessToken  the last token
     * @param useUntil     shortly before the token expires: a login must not start with a token about to expire
     * @param signedIn     when the person signed in
     */
    record Stored(String refreshToken, String accessToken, Instant useUntil, Instant signedIn) {

        static final Stored EMPTY = new Stored(null, null, null, null);

        Stored withAccess(String token, Instant useUntil) {
            return new Stored(refreshToken, token, useUntil, signedIn);
        }

        Stored withoutAccess() {
            return new Stored(refreshToken, null, null, signedIn);
        }

        /** Never a token. */
        @Override
        public String toString() {
            return "Stored[" + (refreshToken == null ? "no sign-in" : "signed in " + signedIn)
                    + (accessToken == null ? "" : ", a token until " + useUntil) + "]";
        }
    }

    Path file(String key) {
        return folder.resolve(key + ".json");
    }

    Stored read(String account, String key) {
        Path file = file(key);
        try {
            if (!Files.getPosixFilePermissions(file).stream().allMatch(OWNER_ONLY_FILE::contains)) {
                throw new InvalidInputException(account + ": " + file + " keeps tokens and others may read it;"
                        + " remove it and sign in again (tenantdesk mail login " + account + "), or chmod 600 it");
            }
            JsonNode node = json.readTree(Files.readString(file, UTF_8));
            return new Stored(text(node, "refreshToken"), text(node, "accessToken"), instant(node, "useUntil"),
                    instant(node, "signedIn"));
        } catch (NoSuchFileException e) {
            return Stored.EMPTY;
        } catch (IOException e) {
            // A file cut short by a full disk, say: as if there were none, and the next write mends it.
            return Stored.EMPTY;
        }
    }

    void write(String account, String key, Stored stored) {
        Path file = file(key);
        try {
            ownerOnlyFolder();
            ObjectNode node = json.createObjectNode();
            node.put("refreshToken", stored.refreshToken());
            node.put("accessToken", stored.accessToken());
            node.put("useUntil", stored.useUntil() == null ? null : stored.useUntil().toString());
            node.put("signedIn", stored.signedIn() == null ? null : stored.signedIn().toString());
            Path next = Files.createTempFile(folder, key, ".new",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try {
                Files.writeString(next, node.toString(), UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                try {
                    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new TenantdeskException(account + ": cannot keep the tokens in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} holding the identity's lock; waits for another process or thread that holds it. */
    <T> T locked(String account, String key, Supplier<T> work) {
        Path lockFile = folder.resolve(key + ".lock");
        try {
            ownerOnlyFolder();
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))) {
                Instant deadline = Instant.now().plus(LOCK_WAIT);
                FileLock lock = null;
                while (lock == null) {
                    try {
                        lock = channel.tryLock();
                    } catch (OverlappingFileLockException e) {
                        // Another thread of this JVM (the daemon's) holds it: wait as for another process.
                    }
                    if (lock == null) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new TemporaryFailureException(account + ": another tenantdesk has been getting a"
                                    + " token for " + LOCK_WAIT.toSeconds() + " s; try again later", null);
                        }
                        Thread.sleep(50);
                    }
                }
                try {
                    return work.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new TenantdeskException(account + ": cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException(account + ": interrupted while waiting for another tenantdesk", e);
        }
    }

    private void ownerOnlyFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Made by another process just now.
            }
        }
        // The umask may have taken bits away from the mode asked for, never added any; an older folder is mended.
        Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
