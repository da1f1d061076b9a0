package no.tenantdesk.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for "localhost" (by default not for 127.0.0.1, so that tests can see host names checked),
 * made with the JDK's keytool, for test servers: unlike GreenMail's own, it names the host, so host name checking stays
 * on in the tests as it is in production.
 */
public final class TestCertificate {

    public static final String PASSWORD = "changeit";
    public static final String ALIAS = "tenantdesk-test";

    public final Path keyStore;

    private TestCertificate(Path keyStore) {
        this.keyStore = keyStore;
    }

    public static TestCertificate create() {
        return create("dns:localhost");
    }

    /**
     * A certificate for CN=localhost naming the hosts in {@code subjectAltNames}, in keytool's spelling
     * ("dns:localhost,ip:192.0.2.7"). Its files go when the JVM exits.
     */
    public static TestCertificate create(String subjectAltNames) {
        try {
            Path dir = Files.createTempDirectory("tenantdesk-cert");
            // Deleted in the reverse order of these calls: the file, then the folder it leaves empty.
            dir.toFile().deleteOnExit();
            Path keyStore = dir.resolve("localhost.p12");
            keyStore.toFile().deleteOnExit();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                            "-validity", "3650", "-dname", "CN=localhost", "-ext", "SAN=" + subjectAltNames,
                            "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                            "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return new TestCertificate(keyStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Certificate certificate() {
        try {
            return load().getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate and its unencrypted key as PEM files, for servers that read no PKCS12 (Dovecot). */
    public void writePem(Path certificateFile, Path keyFile) {
        try {
            KeyStore store = load();
            Files.writeString(certificateFile, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()), US_ASCII);
            Files.writeString(keyFile, pem("PRIVATE KEY", store.getKey(ALIAS, PASSWORD.toCharArray()).getEncoded()),
                    US_ASCII);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private KeyStore load() throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS12 trust store of these certificates (password {@link #PASSWORD}), for -Djavax.net.ssl.trustStore. */
    public static Path trustStore(Path file, TestCertificate... certificates) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                trusted.setCertificateEntry(ALIAS + "-" + i, certificates[i].certificate());
            }
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                trusted.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sockets that trust this certificate and nothing else, as SourceSpec.sslSockets and SmtpSettings.sslSockets expect from a test. */
    public SSLSocketFactory trustingSockets() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
