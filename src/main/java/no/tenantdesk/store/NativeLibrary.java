package no.tenantdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc copies its native library out of the jar into the temporary folder on every start, under a new name
 * each time, after telling glibc from musl by resolving every mapping of the process: a tenth of a second of each
 * short run. Copied once into a folder beside the jar (target/ in the project), it is loaded from there instead.
 * Anything unexpected leaves the driver to do as it always did.
 */
final class NativeLibrary {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private NativeLibrary() {}

    /**
     * Points the driver at the kept copy and has the driver load it, process-wide as the loaded library is. Only the
     * driver loads: a second copy of the library in one JVM (ours beside one the driver had already taken from /tmp)
     * has globals of its own, and a native method bound to the copy nobody initialized jumps through SQLite's null
     * mutex functions (a SIGSEGV at pc 0 in create_function, seen in the ITs). A driver that loaded before us keeps
     * its copy; a kept copy that cannot be loaded (a noexec mount, say) leaves the driver to extract its own.
     */
    static synchronized void useKeptCopy() {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return; // chosen by whoever started the JVM
        }
        try {
            Path folder = folder();
            String name = LibraryLoaderUtil.getNativeLibName();
            Path library = folder.resolve(name);
            if (!Files.isRegularFile(library) && !copy(name, library)) {
                return;
            }
            System.setProperty(PATH, folder.toString());
            System.setProperty(NAME, name);
            SQLiteJDBCLoader.initialize();
        } catch (Exception | UnsatisfiedLinkError e) {
            // The driver's own way still works: slower, never wrong.
        }
    }

    /** tenantdesk-native/VERSION/OS-ARCH beside the jar or classes folder: one library per driver and platform. */
    private static Path folder() throws URISyntaxException {
        Path code = Path.of(NativeLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch"))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return code.toAbsolutePath().getParent().resolve("tenantdesk-native")
                .resolve(SQLiteJDBCLoader.getVersion()).resolve(platform);
    }

    /** Copies the driver's library for this platform, whole or not at all: two processes may race here. */
    private static boolean copy(String name, Path library) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(library.getParent());
            // Not createTempFile: its owner-only mode would keep other users from an installed copy.
            Path partial = library.resolveSibling(name + "." + ProcessHandle.current().pid() + ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return true;
        }
    }
}
