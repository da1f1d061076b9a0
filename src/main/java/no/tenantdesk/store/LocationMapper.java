package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface LocationMapper {

    record NewLocation(Long parentId, String path, String pathKey, Long responsibleId, Instant createdAt) {}

    long insert(NewLocation location);

    /** Every location with its count of open inquiries; a building has hundreds of rooms, not millions. */
    List<LocationRow> all();

    /** A location's path, parent and responsible person, for look-ups: none of the counting that {@link #all} does. */
    record PathRow(long id, String path, Long parentId, Long responsibleId) {}

    /** Every location, without counts: what adding a path and walking up the tree read. */
    List<PathRow> paths();

    LocationRow byId(long id);

    /** The location whose path_key is {@code key} (its path folded as look-ups fold it), or null. */
    LocationRow byKey(String key);

    /** The locations whose path_key ends with {@code suffix}, by id: the places a tail of a path may name. */
    List<PathRow> byKeySuffix(String suffix);

    /** The ids of a location and of every location below it, in order. */
    List<Long> subtree(long id);

    void setResponsible(@Param("id") long id, @Param("responsibleId") Long responsibleId);

    /** Another name of a place (V013); the key folded as the text matcher folds. */
    record Alias(long locationId, String alias, String aliasKey) {}

    /** Every alias of every place: a building's thousand rooms have a few each at most. */
    List<Alias> aliases();

    List<Alias> aliasesOf(long locationId);

    void addAlias(Alias alias);

    int removeAlias(@Param("locationId") long locationId, @Param("aliasKey") String aliasKey);
}
