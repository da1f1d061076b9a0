package no.tenantdesk.store;

import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;

/** MyBatis' configuration of a database, and its mappers' XML, each read when it is first used. */
final class MapperLoading {

    /** Every mapper, each with its SQL in an XML file of the same name. */
    static final List<Class<?>> MAPPERS = List.of(LocationMapper.class, ContactMapper.class, InquiryMapper.class,
            TaskMapper.class, CommentMapper.class, AttachmentMapper.class, EventMapper.class, MailMapper.class,
            OutboxMapper.class, CopyMapper.class, OrganizationMapper.class, ErasureMapper.class,
            RetentionMapper.class, MergeMapper.class, ReportMapper.class);

    private final Configuration configuration;

    MapperLoading(Dialect dialect) {
        this.configuration = configuration(dialect);
    }

    Configuration configuration() {
        return configuration;
    }

    /** Package-private: QueryPlanTest asks it for the SQL of a statement, to check the plan SQLite makes of it. */
    static Configuration configuration(Dialect dialect) {
        Configuration configuration = new Configuration();
        configuration.setDatabaseId(dialect.id());
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.setMapUnderscoreToCamelCase(true);
        // A use case reads what it has just written; a session-wide cache would hand back stale rows.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.setDefaultEnumTypeHandler(CliEnumTypeHandler.class);
        dialect.registerTypes(configuration.getTypeHandlerRegistry());
        return configuration;
    }

    /**
     * Reads a mapper's XML on its first use rather than all of them at open: a command uses two or three of the
     * nine, and parsing the rest was a good part of every start. A mapper whose XML includes another's SQL (an
     * incomplete statement, in MyBatis' words) brings in all the others, as an open did before.
     */
    void load(Class<?> mapper) {
        synchronized (configuration) {
            if (configuration.hasMapper(mapper)) {
                return;
            }
            configuration.addMapper(mapper);
            if (incomplete()) {
                for (Class<?> other : MAPPERS) {
                    if (!configuration.hasMapper(other)) {
                        configuration.addMapper(other);
                    }
                }
            }
        }
    }

    /** Every mapper at once, for a database that many threads use at the same time (the daemon). */
    void loadAll() {
        MAPPERS.forEach(this::load);
    }

    // MyBatis deprecates these getters for its own use, with nothing public in their place.
    @SuppressWarnings("deprecation")
    private boolean incomplete() {
        return !configuration.getIncompleteStatements().isEmpty() || !configuration.getIncompleteResultMaps().isEmpty()
                || !configuration.getIncompleteCacheRefs().isEmpty() || !configuration.getIncompleteMethods().isEmpty();
    }
}
