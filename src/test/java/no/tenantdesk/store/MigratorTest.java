package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigratorTest {

    @Test
    void commentsAndBlankLinesBetweenStatementsAreDropped() {
        List<String> statements = Migrator.statements("""
                -- The first schema.
                -- Times are text.

                CREATE TABLE a (id INTEGER PRIMARY KEY);

                -- b follows a
                CREATE TABLE b (id INTEGER PRIMARY KEY);
                """);

        assertThat(statements).containsExactly(
                "CREATE TABLE a (id INTEGER PRIMARY KEY);", "CREATE TABLE b (id INTEGER PRIMARY KEY);");
    }

    @Test
    void aStatementRunsOverManyLinesUntilItsSemicolon() {
        List<String> statements = Migrator.statements("""
                CREATE TABLE a (
                    id    INTEGER PRIMARY KEY,
                    -- why, not what
                    name  TEXT NOT NULL
                );
                CREATE INDEX a_name ON a (name);
                """);

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("CREATE TABLE a (").endsWith(");").contains("name  TEXT NOT NULL");
        assertThat(statements.get(1)).isEqualTo("CREATE INDEX a_name ON a (name);");
    }

    @Test
    void aTriggerBodyIsOneStatementUpToItsEnd() {
        List<String> statements = Migrator.statements("""
                CREATE TABLE a (id INTEGER PRIMARY KEY, n INTEGER);
                CREATE TRIGGER a_count AFTER INSERT ON a
                BEGIN
                    UPDATE a SET n = 1 WHERE id = new.id;
                    DELETE FROM a WHERE n > 10;
                END;
                CREATE INDEX a_n ON a (n);
                """);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(1))
                .startsWith("CREATE TRIGGER a_count")
                .contains("UPDATE a SET n = 1 WHERE id = new.id;", "DELETE FROM a WHERE n > 10;")
                .endsWith("END;");
        assertThat(statements.get(2)).isEqualTo("CREATE INDEX a_n ON a (n);");
    }

    @Test
    void aCommentAfterTheSemicolonStillEndsTheStatement() {
        List<String> statements = Migrator.statements("""
                CREATE TABLE a (id INTEGER PRIMARY KEY); -- the first
                CREATE TABLE b (id INTEGER PRIMARY KEY);
                CREATE TRIGGER b_gone AFTER DELETE ON b
                BEGIN
                    DELETE FROM a WHERE id = old.id; -- keep a in step
                END; -- of b_gone
                CREATE INDEX a_id ON a (id);
                """);

        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).startsWith("CREATE TABLE a").doesNotContain("CREATE TABLE b");
        assertThat(statements.get(2)).startsWith("CREATE TRIGGER b_gone").doesNotContain("CREATE INDEX");
    }

    @Test
    void aSemicolonInsideAStringThatDoesNotEndTheLineIsKept() {
        List<String> statements = Migrator.statements("""
                INSERT INTO a (name) VALUES ('x; y');
                INSERT INTO a (name) VALUES ('-- not a comment');
                """);

        assertThat(statements).containsExactly(
                "INSERT INTO a (name) VALUES ('x; y');", "INSERT INTO a (name) VALUES ('-- not a comment');");
    }

    @Test
    void windowsLineEndingsSplitTheSame() {
        assertThat(Migrator.statements("CREATE TABLE a (id INTEGER);\r\nCREATE TABLE b (id INTEGER);\r\n"))
                .containsExactly("CREATE TABLE a (id INTEGER);", "CREATE TABLE b (id INTEGER);");
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertThat(Migrator.statements("CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER)"))
                .containsExactly("CREATE TABLE a (id INTEGER);", "CREATE TABLE b (id INTEGER)");
    }

    @Test
    void aDollarQuotedBodyIsOneStatementWithItsSemicolons() {
        List<String> statements = Migrator.statements("""
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN 1;
                END
                $$;
                DO $$ BEGIN PERFORM f(); END $$;
                CREATE TABLE a (id bigint);
                """);

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("CREATE FUNCTION").endsWith("$$;");
        assertThat(statements.get(1)).isEqualTo("DO $$ BEGIN PERFORM f(); END $$;");
    }
}
