package no.tenantdesk.store;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

public interface LocationMapper {

    record NewLocation(Long parentId, String path, String pathKey, Long responsibleId, Instant createdAt) {}

    long insert(NewLocation location);

    /** Every location with its count of open inquiries; a building has hundreds of rooms, not millions. */
    List<LocationRow> all();

    LocationRow byId(long id);

    void setResponsible(@Param("id") long id, @Param("responsibleId") Long responsibleId);
}
