package no.tenantdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test of SQLite's own ways (its file locks, its search index's tables, a connection of its driver): in the pass
 * that runs the suite on PostgreSQL ({@link Postgres#selected}) it does not run; the PostgreSQL tests beside it hold
 * PostgreSQL's own ways.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = Postgres.PROPERTY, matches = "postgresql",
        disabledReason = "inspects SQLite's internals")
public @interface SqliteOnly {}
