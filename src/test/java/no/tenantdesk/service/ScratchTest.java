package no.tenantdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program's folder for temporary files: a run's folder lives while the run does, and no longer. */
class ScratchTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aRunsFolderIsMadeInTheProgramsOwnFolderAndRemovedWhenClosed() throws IOException {
        Scratch scratch = new Scratch(folder.resolve("cache/tenantdesk/tmp"), null);
        Path spool;
        try (TemporaryFolder run = scratch.folder("fetch-")) {
            spool = run.path();
            Files.writeString(spool.resolve("msg.eml"), "Subject: x\n\n");
            assertThat(spool.getParent()).isEqualTo(scratch.root());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch.root())))
                    .isEqualTo("rwx------");
        }
        assertThat(spool).doesNotExist();
        try (var left = Files.list(scratch.root())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSweepKeepsTheFolderOfARunThatStillLivesInThisProcess() throws IOException {
        Scratch scratch = new Scratch(folder.resolve("tmp"), null);
        try (TemporaryFolder run = scratch.folder("send-")) {
            assertThat(scratch.sweep(NOW)).isZero();
            assertThat(run.path()).isDirectory();
        }
    }

    @Test
    void theSweepRemovesTheFolderOfAKilledProcessAndKeepsThatOfALiveOne() throws Exception {
        Path root = folder.resolve("tmp");
        Files.createDirectories(root);
        // A killed run: its lock file is there, and nobody holds it.
        Files.createFile(root.resolve("fetch-111.lock"));
        Files.createDirectories(root.resolve("fetch-111"));
        Files.write(root.resolve("fetch-111/msg-1.eml"), new byte[4096]);
        // A live run in another process (a JVM, which locks as ours do: fcntl, not flock): it holds the lock.
        Files.createFile(root.resolve("fetch-222.lock"));
        Files.createDirectories(root.resolve("fetch-222"));
        Path holderSource = Files.writeString(folder.resolve("Holder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Holder {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), holderSource.toString(),
                root.resolve("fetch-222.lock").toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");

            int removed = new Scratch(root, null).sweep(NOW);

            assertThat(removed).isEqualTo(1);
            assertThat(root.resolve("fetch-111")).doesNotExist();
            assertThat(root.resolve("fetch-111.lock")).doesNotExist();
            assertThat(root.resolve("fetch-222")).isDirectory();
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void earlierVersionsSpoolFoldersInTmpGoWhenADayOld() throws IOException {
        Path tmp = folder.resolve("legacy-tmp");
        Path old = Files.createDirectories(tmp.resolve("tenantdesk-fetch-123"));
        Files.write(old.resolve("msg-1.eml"), new byte[100]);
        Files.setLastModifiedTime(old, FileTime.from(NOW.minusSeconds(25 * 3600)));
        Path recent = Files.createDirectories(tmp.resolve("tenantdesk-fetch-456"));
        Files.setLastModifiedTime(recent, FileTime.from(NOW.minusSeconds(3600)));
        Path other = Files.createDirectories(tmp.resolve("someone-else-1"));
        Files.setLastModifiedTime(other, FileTime.from(NOW.minusSeconds(25 * 3600)));

        int removed = new Scratch(folder.resolve("tmp"), tmp).sweep(NOW);

        assertThat(removed).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(recent).isDirectory();
        assertThat(other).isDirectory();
    }
}
