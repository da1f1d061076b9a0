package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two programs writing the same file at once queue on the busy timeout; none fails, none is lost. */
class ConcurrentWritersIT {

    private static final int PER_WRITER = 50;

    @TempDir
    Path folder;

    @Test
    void twoWritersCreatingFiftyInquiriesEachOnANewFileAllSucceed() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> writers = new ArrayList<>();
        try {
            for (String writer : List.of("a", "b")) {
                // A Cli of its own per thread: same file and default busy timeout, nothing shared but the file.
                Cli cli = new Cli(folder);
                writers.add(threads.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < PER_WRITER; i++) {
                        CommandResult result = cli.run("inquiry", "create", "--title", writer + i, "--json");
                        assertThat(result).succeeded();
                        ids.add(result.id());
                    }
                    return ids;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> writer : writers) {
                ids.addAll(writer.get());
            }

            assertThat(ids).hasSize(2 * PER_WRITER);
        } finally {
            threads.shutdownNow();
        }

        CommandResult list = new Cli(folder).run("inquiry", "list", "--status", "all", "--limit", "1000", "--json");
        assertThat(list).succeeded();
        assertThat(list.json()).hasSize(2 * PER_WRITER);
        Set<String> titles = new HashSet<>();
        list.json().forEach(inquiry -> titles.add(inquiry.get("title").asText()));
        assertThat(titles).hasSize(2 * PER_WRITER).contains("a0", "a49", "b0", "b49");
    }
}
