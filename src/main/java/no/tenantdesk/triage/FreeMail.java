package no.tenantdesk.triage;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mail services anyone can have an address at: a domain of theirs is never an organization's, so a tenant who
 * writes from gmail.com is not taken for every other gmail.com user's colleague. "gmx.*" is gmx under any top-level
 * domain (gmx.de, gmx.co.uk). The config's {@code mail: free-mail-domains} adds to the list.
 */
public final class FreeMail {

    /** The common ones, in Norway and abroad. */
    public static final List<String> BUILT_IN = List.of(
            "gmail.com", "googlemail.com", "outlook.com", "outlook.*", "hotmail.*", "live.*", "msn.com",
            "online.no", "yahoo.*", "ymail.com", "icloud.com", "me.com", "mac.com", "mail.com", "proton.me",
            "protonmail.com", "protonmail.ch", "pm.me", "gmx.*", "aol.com", "zoho.com", "yandex.com", "yandex.ru",
            "mail.ru", "fastmail.com", "fastmail.fm", "tutanota.com", "tuta.io", "hushmail.com", "web.de",
            "broadpark.no", "getmail.no", "frisurf.no", "c2i.net", "start.no", "sol.no", "tele2.no", "bluewin.ch");

    private final Set<String> exact = new HashSet<>();
    /** "gmx." for "gmx.*". */
    private final Set<String> anyTopLevel = new HashSet<>();

    public FreeMail(List<String> extra) {
        BUILT_IN.forEach(this::add);
        extra.forEach(this::add);
    }

    private void add(String pattern) {
        String domain = pattern.strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".*")) {
            anyTopLevel.add(domain.substring(0, domain.length() - 1));
        } else {
            exact.add(domain);
        }
    }

    /** Whether the (lower-case) domain is a free-mail service's. */
    public boolean isFree(String domain) {
        if (exact.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && anyTopLevel.contains(domain.substring(0, dot + 1));
    }
}
