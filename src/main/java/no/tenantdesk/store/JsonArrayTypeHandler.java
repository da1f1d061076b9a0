package no.tenantdesk.store;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a collection of strings as one JSON array, for {@code IN (SELECT value FROM json_each(#{keys,typeHandler=…}))}:
 * one parameter, however many values. A MyBatis {@code <foreach>} builds its SQL and a parameter for every value on
 * every call, which for fetch-mail's hundreds of keys a call cost more than the query.
 */
public final class JsonArrayTypeHandler extends BaseTypeHandler<Collection<String>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, Collection<String> values, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, json(values));
    }

    static String json(Collection<String> values) {
        StringBuilder json = new StringBuilder(values.size() * 32).append('[');
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    @Override
    public Collection<String> getNullableResult(ResultSet rs, String columnName) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public Collection<String> getNullableResult(ResultSet rs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public Collection<String> getNullableResult(CallableStatement cs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }
}
