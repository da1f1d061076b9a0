package no.tenantdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a column of held rows ({@link HeldColumns}) as one PostgreSQL array: texts as {@code varchar[]}, contents as
 * {@code bytea[]}, each in the binary form (the driver does so for a Java array given to {@code setObject}): every
 * element its length and its bytes. {@code createArrayOf} spelled the array as text instead, every character looked
 * at for quoting and every byte of a raw mail as two hex digits, which the server then parsed back (the import of
 * 10,000 small messages: about 4% of the server's CPU). Registered by {@link PostgresDialect} for {@code String[]}
 * and {@code byte[][]}.
 */
final class PostgresArrayTypeHandler<T> extends ParameterTypeHandler<T> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, T column, JdbcType jdbcType)
            throws SQLException {
        ps.setObject(i, column);
    }
}
