package no.tenantdesk.cli;

/** The options every command accepts, before or after its name; filled in by {@link TenantdeskCommand}. */
final class GlobalOptions {

    String db;
    String config;
    boolean json;
    String actor;
    boolean quiet;
    boolean verbose;
    boolean noColor;

    GlobalOptions copy() {
        GlobalOptions copy = new GlobalOptions();
        copy.db = db;
        copy.config = config;
        copy.json = json;
        copy.actor = actor;
        copy.quiet = quiet;
        copy.verbose = verbose;
        copy.noColor = noColor;
        return copy;
    }

    boolean json() {
        return json;
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }
}
