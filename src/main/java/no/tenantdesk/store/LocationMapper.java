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

    /** Every location, without counts: what look-ups match a typed path against and walk up the tree in. */
    List<PathRow> paths();

    LocationRow byId(long id);

    void setResponsible(@Param("id") long id, @Param("responsibleId") Long responsibleId);
}
