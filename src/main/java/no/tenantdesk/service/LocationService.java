package no.tenantdesk.service;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Location;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.Tx;

/** The building as a tree of places, each with an optional responsible person who gets its tasks. */
public final class LocationService {

    private final Database database;
    private final Clock clock;

    public LocationService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Adds the place and any missing places above it, like mkdir -p; the place itself must be new. */
    public Location add(String path, String responsible, List<String> aliases) {
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
                if (existing == null) {
                    new PlaceAliases(tx).checkNewName(current);
                }
                parentId = existing != null ? Long.valueOf(existing.id())
                        : Long.valueOf(locations.insert(new LocationMapper.NewLocation(
                                parentId, current, key, leaf ? responsibleId : null, clock.instant())));
            }
            new PlaceAliases(tx).add(parentId, aliases);
            return withAliases(tx, parentId);
        });
    }

    /** A null responsible keeps who it is; the aliases are added and removed. */
    public Location update(String path, String responsible, List<String> aliases, List<String> removeAliases) {
        if (responsible == null && aliases.isEmpty() && removeAliases.isEmpty()) {
            throw new InvalidInputException("nothing to change: give --responsible, --alias or --remove-alias");
        }
        return database.write(tx -> {
            Lookup lookup = new Lookup(tx);
            LocationRow location = lookup.location(path);
            if (responsible != null) {
                Long responsibleId = InquiryService.NONE.equalsIgnoreCase(responsible.strip()) ? null
                        : Long.valueOf(lookup.assignable(responsible).id());
                tx.mapper(LocationMapper.class).setResponsible(location.id(), responsibleId);
            }
            PlaceAliases places = new PlaceAliases(tx);
            places.remove(location, removeAliases);
            places.add(location.id(), aliases);
            return withAliases(tx, location.id());
        });
    }

    private static Location withAliases(Tx tx, long id) {
        LocationMapper locations = tx.mapper(LocationMapper.class);
        return locations.byId(id).toLocation()
                .withAliases(locations.aliasesOf(id).stream().map(LocationMapper.Alias::alias).toList());
    }

    /** The tree in order, each place counting the open inquiries at it and below it ("Bygg A: 7 open"). */
    public List<Location> list() {
        List<LocationRow> rows = database.read(tx -> tx.mapper(LocationMapper.class).all());
        Map<Long, List<String>> aliases = database.read(tx -> tx.mapper(LocationMapper.class).aliases()).stream()
                .collect(Collectors.groupingBy(LocationMapper.Alias::locationId,
                        Collectors.mapping(LocationMapper.Alias::alias, Collectors.toList())));
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
                            open, location.createdAt(), aliases.getOrDefault(row.id(), List.of()));
                })
                .toList();
    }
}
