package no.tenantdesk.mail.in;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/** SourceSpecs for tests: short timeouts, warnings collected in a list. */
final class Specs {

    private Specs() {}

    static SourceSpec local(String uri, AfterImport afterImport, Path spool) {
        return new SourceSpec(uri, uri, null, null, afterImport, null, Duration.ofSeconds(5),
                new ByteArrayInputStream(new byte[0]), spool, null, new ArrayList<String>()::add);
    }

    static SourceSpec stdin(InputStream in, Path spool) {
        return new SourceSpec("-", "-", null, null, null, null, Duration.ofSeconds(5), in, spool, null, w -> {});
    }

    /** With TLS required before the password, as by default. */
    static SourceSpec server(
            String uri, String password, AfterImport afterImport, String moveTo, Path spool,
            SSLSocketFactory sockets, List<String> warnings) {
        return server(uri, password, Tls.REQUIRED, afterImport, moveTo, spool, sockets, warnings);
    }

    /** With tls: none, for GreenMail's imap:// and pop3://, which offer no STARTTLS. */
    static SourceSpec clearText(String uri, String password, AfterImport afterImport, String moveTo, Path spool,
            List<String> warnings) {
        return server(uri, password, Tls.NONE, afterImport, moveTo, spool, null, warnings);
    }

    static SourceSpec server(String uri, String password, Tls tls, AfterImport afterImport, String moveTo,
            Path spool, SSLSocketFactory sockets, List<String> warnings) {
        return new SourceSpec(uri, uri, password, tls, afterImport, moveTo, Duration.ofSeconds(5),
                new ByteArrayInputStream(new byte[0]), spool, sockets, warnings::add);
    }
}
