package no.tenantdesk.store;

import org.apache.ibatis.session.SqlSession;

/** The open transaction of one use case: the mappers it may use until it ends. */
public final class Tx {

    private final SqlSession session;

    Tx(SqlSession session) {
        this.session = session;
    }

    public <M> M mapper(Class<M> type) {
        return session.getMapper(type);
    }
}
