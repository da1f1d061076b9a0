package no.tenantdesk.service;

import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.store.LocationMapper;
import no.tenantdesk.store.LocationRow;
import no.tenantdesk.store.Tx;
import no.tenantdesk.triage.PlaceMatcher;

/**
 * The other names of places ("kafeen" for "Bygg A/1. etasje/Butikk 101"), checked as the mail matcher will read them:
 * an alias that is another place's name or alias would make both ambiguous, so it is refused, as one with no word.
 */
final class PlaceAliases {

    private final LocationMapper locations;

    PlaceAliases(Tx tx) {
        this.locations = tx.mapper(LocationMapper.class);
    }

    void add(long locationId, List<String> aliases) {
        if (aliases.isEmpty()) {
            return;
        }
        List<LocationMapper.PathRow> places = locations.paths();
        List<LocationMapper.Alias> taken = locations.aliases();
        for (String text : aliases) {
            String alias = text.strip().replaceAll("\\s+", " ");
            String key = PlaceMatcher.key(alias);
            if (key.isEmpty()) {
                throw new InvalidInputException("alias '" + text + "' has no word to match in mail");
            }
            if (key.split(" ").length > PlaceMatcher.LONGEST) {
                throw new InvalidInputException("alias '" + alias + "' is longer than " + PlaceMatcher.LONGEST
                        + " words");
            }
            for (LocationMapper.PathRow place : places) {
                if (PlaceMatcher.key(place.path().substring(place.path().lastIndexOf('/') + 1)).equals(key)) {
                    throw new InvalidInputException("alias '" + alias + "' is the name of " + (place.id() == locationId
                            ? "the place itself" : "location '" + place.path() + "'") + "; an alias must be a name"
                            + " no other place has");
                }
            }
            LocationMapper.Alias other = taken.stream().filter(a -> a.aliasKey().equals(key)).findFirst().orElse(null);
            if (other != null && other.locationId() != locationId) {
                throw new InvalidInputException("alias '" + alias + "' belongs to location '"
                        + locations.byId(other.locationId()).path() + "' already");
            }
            if (other == null) {
                LocationMapper.Alias added = new LocationMapper.Alias(locationId, alias, key);
                locations.addAlias(added);
                taken = new java.util.ArrayList<>(taken);
                taken.add(added);
            }
        }
    }

    /**
     * A new place may not be named like another place's alias, as an alias may not be another place's name: the mail
     * matcher could tell the two apart by neither.
     */
    void checkNewName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String key = PlaceMatcher.key(name);
        for (LocationMapper.Alias alias : locations.aliases()) {
            if (alias.aliasKey().equals(key)) {
                String owner = locations.byId(alias.locationId()).path();
                throw new InvalidInputException("'" + name + "' is an alias of location '" + owner + "'; a place"
                        + " must be named unlike every alias (or remove it first: tenantdesk location update '"
                        + owner + "' --remove-alias '" + alias.alias() + "')");
            }
        }
    }

    void remove(LocationRow location, List<String> aliases) {
        for (String alias : aliases) {
            if (locations.removeAlias(location.id(), PlaceMatcher.key(alias)) == 0) {
                throw new InvalidInputException("location '" + location.path() + "' has no alias '" + alias.strip()
                        + "'");
            }
        }
    }
}
