package no.tenantdesk.store;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import no.tenantdesk.domain.CliEnum;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores enums as the command line spells them ("in-progress"), so the database reads like the CLI. */
public final class CliEnumTypeHandler<E extends Enum<E>> extends BaseTypeHandler<E> {

    private final Class<E> type;
    private final Map<String, E> bySpelling = new HashMap<>();

    public CliEnumTypeHandler(Class<E> type) {
        this.type = type;
        for (E constant : type.getEnumConstants()) {
            bySpelling.put(spelling(constant), constant);
        }
    }

    static String spelling(Enum<?> constant) {
        return constant instanceof CliEnum cli ? cli.cli() : constant.name();
    }

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, E parameter, JdbcType jdbcType) throws SQLException {
        ps.setString(i, spelling(parameter));
    }

    @Override
    public E getNullableResult(ResultSet rs, String columnName) throws SQLException {
        return parse(rs.getString(columnName));
    }

    @Override
    public E getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        return parse(rs.getString(columnIndex));
    }

    @Override
    public E getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        return parse(cs.getString(columnIndex));
    }

    private E parse(String text) {
        if (text == null) {
            return null;
        }
        E constant = bySpelling.get(text);
        if (constant == null) {
            throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + text + "' in the database");
        }
        return constant;
    }
}
