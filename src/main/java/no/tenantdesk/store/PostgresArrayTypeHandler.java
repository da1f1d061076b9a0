package no.tenantdesk.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a column of held rows ({@link HeldColumns}) as one PostgreSQL array: texts as {@code text[]}, contents as
 * {@code bytea[]}. Registered by {@link PostgresDialect} for {@code String[]} and {@code byte[][]}.
 */
final class PostgresArrayTypeHandler<T> extends ParameterTypeHandler<T> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T column, JdbcType jdbcType)
            throws SQLException {
        Array array = column instanceof byte[][] bytes
                ? ps.getConnection().createArrayOf("bytea", bytes)
                : ps.getConnection().createArrayOf("text", (String[]) column);
        ps.setArray(i, array);
    }
}
