package no.tenantdesk.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the place a mail is about in its words: the location tree's names and aliases, matched as whole words, case-
 * and æøå-insensitive ({@link Words}), the parts of a path in any order ("3. etasje, Bygg B" is "Bygg B/3. etasje").
 * Built once per run from every place: a trie of the names' characters ({@link NameTrie}), walked from each word of
 * the text for the longest name that starts there, so a mail is read once whatever the number of places (linear in
 * the text: no name has more than {@link #LONGEST} words).
 *
 * <p>Of the places named, the one with the most of its path named wins ("Bygg B" and "3. etasje" name Bygg B/3.
 * etasje twice and Bygg A/3. etasje once); a tie between places that are not one inside the other is ambiguous and
 * names nothing, unless the organization's premises leave one of them.
 */
public final class PlaceMatcher {

    /** The most words a name or alias may have. */
    public static final int LONGEST = 8;

    /** A place of the tree, with its other names. */
    public record Place(long id, Long parentId, String path, List<String> aliases) {

        public Place {
            aliases = List.copyOf(aliases);
        }

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** The place found, and the words of the text that named it, as written there, from the outermost part in. */
    public record Found(long id, String path, String matched) {}

    private final NameTrie names = new NameTrie();
    private final Map<Long, Place> places = new HashMap<>();
    /** Each place's children, for an organization's region: built once, not for each mail. */
    private final Map<Long, List<Long>> children = new HashMap<>();

    public PlaceMatcher(Collection<Place> all) {
        for (Place place : all) {
            places.put(place.id(), place);
            if (place.parentId() != null) {
                children.computeIfAbsent(place.parentId(), k -> new ArrayList<>()).add(place.id());
            }
            add(place.name(), place.id());
            place.aliases().forEach(alias -> add(alias, place.id()));
        }
    }

    private void add(String name, long place) {
        int words = Words.of(name).size();
        if (words > 0 && words <= LONGEST) {
            names.add(key(name), place);
        }
    }

    /** A name or alias as the matcher compares it: its words, lower case ("Bygg  A." is "bygg a"). */
    public static String key(String name) {
        return Words.key(name);
    }

    public boolean isEmpty() {
        return places.isEmpty();
    }

    /**
     * The place the subject names, else the one subject and text name together.
     *
     * @param premises the places the requester's organization rents: with those above and below them, where a tie is
     *                 broken; empty for none
     */
    public Found find(String subject, String text, Collection<Long> premises) {
        return find(mentions(subject, text), premises);
    }

    /**
     * The places a subject and a text name, read without the organization's premises: the part of {@link #find}
     * that reads the text, done for fetch-mail on the threads that parse.
     *
     * @param inText with the subject's own words for a place the subject names too
     */
    public record Mentions(Map<Long, String> inSubject, Map<Long, String> inText) {

        public Mentions {
            inSubject = Collections.unmodifiableMap(inSubject);
            inText = Collections.unmodifiableMap(inText);
        }
    }

    public Mentions mentions(String subject, String text) {
        Map<Long, String> inSubject = mentions(subject);
        Map<Long, String> inText = text.isBlank() ? Map.of() : mentions(text);
        if (!inText.isEmpty()) {
            inText.putAll(inSubject);
        }
        return new Mentions(inSubject, inText);
    }

    /** {@link #find(String, String, Collection)} of the mentions read before. */
    public Found find(Mentions mentions, Collection<Long> premises) {
        // The region only when a tie needs it: most mail names one place or none.
        Supplier<Set<Long>> region = () -> premises.isEmpty() ? Set.of() : region(premises);
        Found found = decide(mentions.inSubject(), region);
        return found != null || mentions.inText().isEmpty() ? found : decide(mentions.inText(), region);
    }

    /** The places at, above and below these ones. */
    public Set<Long> region(Collection<Long> premises) {
        Set<Long> region = new HashSet<>();
        for (long premise : premises) {
            for (Place at = places.get(premise); at != null; at = parent(at)) {
                region.add(at.id());
            }
            List<Long> below = new ArrayList<>(children.getOrDefault(premise, List.of()));
            while (!below.isEmpty()) {
                long id = below.remove(below.size() - 1);
                if (region.add(id)) {
                    below.addAll(children.getOrDefault(id, List.of()));
                }
            }
        }
        return region;
    }

    private Map<Long, String> mentions(String text) {
        return names.mentions(text);
    }

    private Found decide(Map<Long, String> named, Supplier<Set<Long>> region) {
        if (named.isEmpty()) {
            return null;
        }
        Found found = best(named, named.keySet());
        if (found == null) {
            Set<Long> within = region.get();
            found = within.isEmpty() ? null
                    : best(named, named.keySet().stream().filter(within::contains).toList());
        }
        return found;
    }

    /** The candidate with the most of its path named, when only one has that many. */
    private Found best(Map<Long, String> named, Collection<Long> candidates) {
        int most = 0;
        List<Long> top = new ArrayList<>();
        for (long candidate : candidates) {
            int anchors = 0;
            for (Place at = places.get(candidate); at != null; at = parent(at)) {
                anchors += named.containsKey(at.id()) ? 1 : 0;
            }
            if (anchors > most) {
                most = anchors;
                top.clear();
            }
            if (anchors == most) {
                top.add(candidate);
            }
        }
        if (top.size() != 1) {
            return null;
        }
        Place place = places.get(top.get(0));
        List<Place> path = new ArrayList<>();
        for (Place at = place; at != null; at = parent(at)) {
            if (named.containsKey(at.id())) {
                path.add(at);
            }
        }
        path.sort(Comparator.comparingInt(p -> p.path().length()));
        return new Found(place.id(), place.path(),
                path.stream().map(p -> named.get(p.id())).distinct().collect(Collectors.joining(", ")));
    }

    private Place parent(Place place) {
        return place.parentId() == null ? null : places.get(place.parentId());
    }
}
