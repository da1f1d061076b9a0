package no.tenantdesk.mail.in;

import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;

/** The Jakarta Mail settings that IMAP and POP3 share: timeouts and TLS. */
final class ServerSessions {

    private ServerSessions() {}

    /** A session of its own (never the shared default one), so that two sources never see each other's settings. */
    static Session session(ServerAddress address, SourceSpec spec, Properties extra) {
        String p = "mail." + address.protocol() + ".";
        Properties props = new Properties();
        String millis = Long.toString(MailSources.timeout(spec).toMillis());
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        // imaps/pop3s: TLS from the first byte; imap/pop3: upgrade with STARTTLS whenever the server offers it.
        // Either way the certificate must be trusted and name the host we asked for.
        props.setProperty(p + "ssl.checkserveridentity", "true");
        if (!address.tls()) {
            props.setProperty(p + "starttls.enable", "true");
        }
        if (spec.sslSockets() != null) {
            props.put(p + "ssl.socketFactory", spec.sslSockets());
        }
        props.putAll(extra);
        return Session.getInstance(props);
    }

    /** Tells the user when the password just crossed a network in clear text: loopback is no network. */
    static void warnIfPlain(String name, ServerAddress address, SourceSpec spec, boolean encrypted) {
        if (!encrypted && spec.password() != null && spec.warnings() != null && !isLoopback(address.host())) {
            String secure = address.imap() ? "imaps://" : "pop3s://";
            spec.warnings().accept(name + ": the server offers no TLS, so the password went over the network"
                    + " unencrypted; use " + secure + " if the server supports it");
        }
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Resolved already by the connection just made, so this asks no one new.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
