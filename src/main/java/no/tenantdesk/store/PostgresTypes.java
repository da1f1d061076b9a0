package no.tenantdesk.store;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * How times and dates go to PostgreSQL and back: an {@link Instant} as timestamptz, a {@link LocalDate} as date, where
 * SQLite keeps ISO text. {@link PostgresDialect} registers them.
 */
final class PostgresTypes {

    private PostgresTypes() {}

    /** An instant as timestamptz, read back in UTC. */
    static final class InstantHandler extends BaseTypeHandler<Instant> {

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
                throws SQLException {
            ps.setObject(i, OffsetDateTime.ofInstant(parameter, ZoneOffset.UTC));
        }

        @Override
        public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
            OffsetDateTime time = rs.getObject(columnName, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }

        @Override
        public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
            OffsetDateTime time = rs.getObject(columnIndex, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }

        @Override
        public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
            OffsetDateTime time = cs.getObject(columnIndex, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
    }

    /** A calendar date as date. */
    static final class LocalDateHandler extends BaseTypeHandler<LocalDate> {

        @Override
        public void setNonNullParameter(PreparedStatement ps, int i, LocalDate parameter, JdbcType jdbcType)
                throws SQLException {
            ps.setObject(i, parameter);
        }

        @Override
        public LocalDate getNullableResult(ResultSet rs, String columnName) throws SQLException {
            return rs.getObject(columnName, LocalDate.class);
        }

        @Override
        public LocalDate getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
            return rs.getObject(columnIndex, LocalDate.class);
        }

        @Override
        public LocalDate getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
            return cs.getObject(columnIndex, LocalDate.class);
        }
    }
}
