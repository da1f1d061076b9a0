package no.tenantdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a text as its words for PostgreSQL's search index ({@link SearchWords}), or null when the server must make
 * them: {@code coalesce(CAST(#{title,typeHandler=…} AS tsvector), search_words(#{title}))}.
 */
public final class SearchWordsTypeHandler extends ParameterTypeHandler<String> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, String text, JdbcType jdbcType) throws SQLException {
        String words = SearchWords.of(text);
        if (words == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, words);
        }
    }
}
