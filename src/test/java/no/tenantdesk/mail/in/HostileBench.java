package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One figure of {@code scripts/bench-hostile}, in a JVM of its own: the parse time or the peak heap of one crafted
 * shape (or of a plain mail of the same size), printed as one tab-separated line. It uses only MessageParser's
 * public face, so the script runs it against an older jar as well.
 *
 * <pre>HostileBench time|heap SHAPE [plain]   →   bytes  figure  outcome
 * HostileBench list                      →   the shapes' names, one a line</pre>
 *
 * time: the median of up to 5 parses (fewer when they take over 3 s together) after a warm-up on plain mail.
 * heap: the peak of the heap's pools during one parse, less what was in use before it; run it with a small young
 * generation (-Xmn2m), so that the figure is what the parse holds, not garbage the collector has not yet reached.
 * Each parse runs in a new thread of the default stack size, as fetch-mail's parsing threads do.
 */
public final class HostileBench {

    private HostileBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("list")) {
            HostileShapes.ALL.forEach(shape -> System.out.println(shape.name()));
            return;
        }
        if (args.length < 2 || !(args[0].equals("time") || args[0].equals("heap"))) {
            System.err.println("usage: HostileBench time|heap SHAPE [plain] | list");
            System.exit(2);
        }
        HostileShapes.Shape shape = HostileShapes.named(args[1]);
        byte[] crafted = shape.bytes();
        byte[] bytes = args.length > 2 && args[2].equals("plain") ? HostileShapes.plain(crafted.length) : crafted;
        Path work = Files.createTempDirectory("tenantdesk-bench-hostile");
        try {
            Path file = work.resolve("message.eml");
            Files.write(file, bytes);
            MessageParser parser = new MessageParser(MessageParser.DEFAULT_MAX_ATTACHMENT_SIZE, work.resolve("spool"));
            String figure;
            String outcome;
            if (args[0].equals("time")) {
                Path warm = work.resolve("warm.eml");
                Files.write(warm, HostileShapes.plain(4096));
                for (int i = 0; i < 300; i++) {
                    parse(parser, warm);
                }
                List<Long> nanos = new ArrayList<>();
                long spent = 0;
                Result result = null;
                while (nanos.size() < 5 && spent < 3_000_000_000L) {
                    long start = System.nanoTime();
                    result = parse(parser, file);
                    long took = System.nanoTime() - start;
                    nanos.add(took);
                    spent += took;
                }
                nanos.sort(Comparator.naturalOrder());
                figure = String.format(Locale.ROOT, "%.1f", nanos.get(nanos.size() / 2) / 1e6);
                outcome = result.outcome;
            } else {
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
                System.gc();
                long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                Result result = parse(parser, file);
                long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
                figure = String.format(Locale.ROOT, "%.1f", Math.max(0, peak - before) / 1e6);
                outcome = result.outcome;
            }
            System.out.println(bytes.length + "\t" + figure + "\t" + outcome);
        } finally {
            delete(work);
        }
    }

    private record Result(String outcome) {}

    /** Parses on a new thread; what it threw, Errors included, is the outcome rather than the end of the run. */
    private static Result parse(MessageParser parser, Path file) throws InterruptedException {
        AtomicReference<String> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try (InboundMail mail = parser.parse(RawMessage.inPlace("bench", file))) {
                outcome.set("parsed: " + mail.text().length() + " chars of text, " + mail.parts().size() + " parts");
            } catch (MailParseException e) {
                outcome.set("MailParseException: " + e.getMessage());
            } catch (Throwable e) {
                outcome.set(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }, "tenantdesk-parse");
        thread.start();
        thread.join();
        String said = outcome.get().replace('\t', ' ').replace('\n', ' ');
        return new Result(said.length() > 100 ? said.substring(0, 99) + "…" : said);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
