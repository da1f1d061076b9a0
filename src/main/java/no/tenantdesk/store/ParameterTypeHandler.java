package no.tenantdesk.store;

import java.sql.CallableStatement;
import java.sql.ResultSet;
import org.apache.ibatis.type.BaseTypeHandler;

/** A type handler for what is only ever bound as a parameter, never read back from a result. */
abstract class ParameterTypeHandler<T> extends BaseTypeHandler<T> {

    @Override
    public final T getNullableResult(ResultSet rs, String columnName) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public final T getNullableResult(ResultSet rs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }

    @Override
    public final T getNullableResult(CallableStatement cs, int columnIndex) {
        throw new UnsupportedOperationException("a parameter only");
    }
}
