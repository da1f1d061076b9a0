package no.tenantdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.Function;

/**
 * SQLite's built-in lower() folds only ASCII, so "Ærlig" would never match a search for "ærlig". Replacing it on
 * each connection with Java's folding gives the mappers PostgreSQL's behaviour without a word of dialect in the SQL.
 */
final class UnicodeLower extends Function {

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "lower", new UnicodeLower(), 1, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String text = value_text(0);
        result(text == null ? null : text.toLowerCase(Locale.ROOT));
    }
}
