package no.tenantdesk.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;

/** Location paths: "Bygg A / 2. etasje/Kontor 204" and "Bygg A/2. etasje/Kontor 204" name the same place. */
final class Paths {

    private Paths() {}

    /**
     * A slash at either end is forgiven; an empty name between two is a mistake (or a URL, whose "https:" would
     * become a building), refused rather than read as a place.
     */
    static List<String> segments(String path) {
        List<String> parts = Arrays.stream(path.strip().split("/", -1))
                .map(s -> s.strip().replaceAll("\\s+", " "))
                .toList();
        int first = parts.isEmpty() || !parts.get(0).isEmpty() ? 0 : 1;
        int end = parts.size() > first && parts.get(parts.size() - 1).isEmpty() ? parts.size() - 1 : parts.size();
        List<String> segments = parts.subList(first, Math.max(first, end));
        if (segments.isEmpty() || segments.stream().allMatch(String::isEmpty)) {
            throw new InvalidInputException("a location needs a name, like 'Bygg A/2. etasje/Kontor 204'");
        }
        if (segments.contains("")) {
            throw new InvalidInputException("'" + path + "' has an empty name between two '/'; a location's path is"
                    + " like 'Bygg A/2. etasje/Kontor 204'");
        }
        return segments;
    }

    static String normalize(String path) {
        return segments(path).stream().collect(Collectors.joining("/"));
    }
}
