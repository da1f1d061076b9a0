package no.tenantdesk.store;

import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a column of held rows ({@link HeldColumns}) as one PostgreSQL array: texts as {@code text[]}, contents as
 * {@code bytea[]}. Registered by {@link PostgresDialect} for {@code String[]} and {@code byte[][]}.
 */
final class PostgresArrayTypeHandler<T> extends BaseTypeHandler<T> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T column, JdbcType jdbcType)
            throws SQLException {
        Array array = column instanceof byte[][] bytes
                ? ps.getConnection().createArrayOf("bytea", bytes)
                : ps.getConnection().createArrayOf("text", (String[]) column);
        ps.setArray(i, array);
    }

    @Override
    public T getNullableResult(ResultSet rs, String columnName) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public T getNullableResult(ResultSet rs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public T getNullableResult(CallableStatement cs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }
}
