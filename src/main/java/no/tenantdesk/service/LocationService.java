package no.tenantdesk.service;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Location;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.LocationRow;

/** The building as a tree of places, each with an optional responsible person who gets its tasks. */
public final class LocationService {

    private final Database database;
    private final Clock clock;

    public LocationService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Adds the place and any missing places above it, like mkdir -p; the place itself must be new. */
    public Location add(String path, String responsible) {
        List<String> segments = Paths.segments(path);
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            Long responsibleId = responsible == null ? null : lookup.assignable(responsible).id();
            LocationMapper locations = tx.mapper(LocationMapper.class);
            List<LocationMapper.PathRow> all = locations.paths();
            Long parentId = null;
            String current = "";
            for (int i = 0; i < segments.size(); i++) {
                current = current.isEmpty() ? segments.get(i) : current + "/" + segments.get(i);
                String key = Lookup.Keys.path(current);
                LocationMapper.PathRow existing = all.stream()
                        .filter(l -> Lookup.Keys.path(l.path()).equals(key))
                        .findFirst()
                        .orElse(null);
                boolean leaf = i == segments.size() - 1;
                if (existing != null && leaf) {
                    throw new InvalidInputException("location '" + existing.path()
                            + "' exists already (change it with: tenantdesk location update)");
                }
                parentId = existing != null ? Long.valueOf(existing.id())
                        : Long.valueOf(locations.insert(new LocationMapper.NewLocation(
                                parentId, current, key, leaf ? responsibleId : null, clock.instant())));
            }
            return locations.byId(parentId).toLocation();
        });
    }

    public Location update(String path, String responsible) {
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            LocationRow location = lookup.location(path);
            Long responsibleId = InquiryService.NONE.equalsIgnoreCase(responsible.strip()) ? null
                    : Long.valueOf(lookup.assignable(responsible).id());
            tx.mapper(LocationMapper.class).setResponsible(location.id(), responsibleId);
            return tx.mapper(LocationMapper.class).byId(location.id()).toLocation();
        });
    }

    /** The tree in order, each place counting the open inquiries at it and below it ("Bygg A: 7 open"). */
    public List<Location> list() {
        List<LocationRow> rows = database.read(tx -> tx.mapper(LocationMapper.class).all());
        return rows.stream()
                // Tree order: '/' sorts after ' ' and '-', so "Bygg A-fløy" would land between "Bygg A" and its
                // children.
                .sorted(Comparator.comparing((LocationRow l) -> Lookup.Keys.path(l.path()).replace('/', '\u0000')))
                .map(row -> {
                    String prefix = Lookup.Keys.path(row.path()) + "/";
                    long open = rows.stream()
                            .filter(r -> r.id() == row.id() || Lookup.Keys.path(r.path()).startsWith(prefix))
                            .mapToLong(LocationRow::openInquiries)
                            .sum();
                    Location location = row.toLocation();
                    return new Location(location.id(), location.path(), location.parentId(), location.responsible(),
                            open, location.createdAt());
                })
                .toList();
    }
}
