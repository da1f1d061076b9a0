package no.tenantdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.security.KeyStoreException;

/**
 * Makes GreenMail's imaps, pop3s and smtps servers present {@link TestCertificate}. GreenMail reads its key store once per
 * JVM, from system properties, when its first TLS server starts: so this must run before that, and every test class
 * that starts a GreenMail TLS server goes through here (they then share one certificate).
 */
public final class GreenMailTls {

    private static final TestCertificate CERTIFICATE = install();

    private GreenMailTls() {}

    private static TestCertificate install() {
        TestCertificate certificate = TestCertificate.create();
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, certificate.keyStore.toString());
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, TestCertificate.PASSWORD);
        System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, TestCertificate.PASSWORD);
        return certificate;
    }

    public static TestCertificate certificate() {
        return CERTIFICATE;
    }

    /** Fails clearly when some other test started a GreenMail TLS server before this one could set the key store. */
    public static void assertInstalled() throws KeyStoreException {
        DummySSLServerSocketFactory factory = (DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault();
        assertThat(factory.getKeyStore().containsAlias(TestCertificate.ALIAS))
                .as("GreenMail's TLS servers were started in this JVM before GreenMailTls could give them the test"
                        + " certificate; start them through GreenMailTls.certificate() first")
                .isTrue();
    }
}
