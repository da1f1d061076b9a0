package no.tenantdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;

/** MyBatis' configuration of a database, and its mappers' XML, each read when it is first used. */
final class MapperLoading {

    /** Every mapper, each with its SQL in an XML file of the same name. */
    static final List<Class<?>> MAPPERS = List.of(LocationMapper.class, ContactMapper.class, InquiryMapper.class,
            TaskMapper.class, CommentMapper.class, AttachmentMapper.class, EventMapper.class, MailMapper.class,
            OutboxMapper.class, CopyMapper.class, OrganizationMapper.class, ErasureMapper.class,
            RetentionMapper.class, MergeMapper.class, ReportMapper.class, DigestMapper.class);

    /** How another mapper's SQL is named in an include: its interface's whole name, then the fragment's. */
    private static final String REFERENCE = "refid=\"" + MapperLoading.class.getPackageName() + ".";

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
     * Reads a mapper's XML on its first use rather than all of them at open: a command uses a few of the sixteen, and
     * parsing the rest was a good part of every start. A mapper whose XML includes another's SQL has that one read
     * first, so that its statements are complete when read; should one still be incomplete (a reference this does
     * not see), all the others are read, as an open did before.
     */
    void load(Class<?> mapper) {
        synchronized (configuration) {
            loadWithIncludes(mapper, new HashSet<>());
            if (incomplete()) {
                for (Class<?> other : MAPPERS) {
                    if (!configuration.hasMapper(other)) {
                        configuration.addMapper(other);
                    }
                }
            }
        }
    }

    /** @param reading the mappers on the way here: two that include each other's SQL are read in either order */
    private void loadWithIncludes(Class<?> mapper, Set<Class<?>> reading) {
        if (configuration.hasMapper(mapper) || !reading.add(mapper)) {
            return;
        }
        for (Class<?> included : includes(mapper)) {
            loadWithIncludes(included, reading);
        }
        configuration.addMapper(mapper);
    }

    /**
     * The mappers whose SQL a mapper's XML includes ({@code <include refid="no.tenantdesk.store.OtherMapper.…"/>}),
     * read from its text: a table kept by hand would fall behind the XML.
     */
    static List<Class<?>> includes(Class<?> mapper) {
        String xml;
        try (InputStream in = mapper.getResourceAsStream(mapper.getSimpleName() + ".xml")) {
            if (in == null) {
                return List.of();
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(); // MyBatis reads it next, and says what is wrong with it
        }
        List<Class<?>> included = new ArrayList<>();
        for (Class<?> other : MAPPERS) {
            if (other != mapper && xml.contains(REFERENCE + other.getSimpleName() + ".")) {
                included.add(other);
            }
        }
        return included;
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
