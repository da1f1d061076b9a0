package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.session.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A command reads the XML of the mappers it uses and of those whose SQL they include, and no other. */
class MapperLoadingTest {

    /** Both dialects: their statements differ ({@code databaseId}), and so may what they include. */
    static List<Dialect> dialects() {
        return List.of(Migrators.dialect(), new PostgresDialect(
                PostgresServer.parse("postgresql://nobody@127.0.0.1:1/unused"), Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aMapperIsReadWithWhatItIncludesAndNothingElse(Dialect dialect) {
        for (Class<?> mapper : MapperLoading.MAPPERS) {
            MapperLoading loading = new MapperLoading(dialect);

            loading.load(mapper);

            Set<Class<?>> expected = new HashSet<>(Set.of(mapper));
            for (Class<?> included = mapper; !MapperLoading.includes(included).isEmpty(); ) {
                included = MapperLoading.includes(included).get(0);
                expected.add(included);
            }
            assertThat(loaded(loading.configuration())).as(mapper.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(incomplete(loading.configuration())).as(mapper.getSimpleName()).isFalse();
        }
    }

    /**
     * fetch-mail's first statement that includes another mapper's SQL is the contact's (a mail's sender): it read all
     * sixteen mappers' XML on every run, where two do.
     */
    @Test
    void theContactsMapperBringsOnlyTheMailMapperWhoseSqlItIncludes() {
        MapperLoading loading = new MapperLoading(Migrators.dialect());

        loading.load(ContactMapper.class);

        assertThat(loaded(loading.configuration())).containsExactlyInAnyOrder(ContactMapper.class, MailMapper.class);
        assertThat(MapperLoading.includes(AttachmentMapper.class)).containsExactly(TaskMapper.class);
        assertThat(MapperLoading.includes(OrganizationMapper.class)).containsExactly(ContactMapper.class);
        assertThat(MapperLoading.includes(InquiryMapper.class)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyMapperStillLoadsAtOnceForTheDaemon(Dialect dialect) {
        MapperLoading loading = new MapperLoading(dialect);

        loading.loadAll();

        assertThat(loaded(loading.configuration())).containsExactlyInAnyOrderElementsOf(MapperLoading.MAPPERS);
        assertThat(incomplete(loading.configuration())).isFalse();
    }

    private static List<Class<?>> loaded(Configuration configuration) {
        return List.copyOf(configuration.getMapperRegistry().getMappers());
    }

    @SuppressWarnings("deprecation")
    private static boolean incomplete(Configuration configuration) {
        return !configuration.getIncompleteStatements().isEmpty() || !configuration.getIncompleteResultMaps().isEmpty()
                || !configuration.getIncompleteMethods().isEmpty();
    }
}
