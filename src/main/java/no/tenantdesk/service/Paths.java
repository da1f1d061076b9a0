package no.tenantdesk.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;

/** Location paths: "Bygg A / 2. etasje/Kontor 204" and "Bygg A/2. etasje/Kontor 204" name the same place. */
final class Paths {

    private Paths() {}

    static List<String> segments(String path) {
        List<String> segments = Arrays.stream(path.split("/"))
                .map(s -> s.strip().replaceAll("\\s+", " "))
                .filter(s -> !s.isEmpty())
                .toList();
        if (segments.isEmpty()) {
            throw new InvalidInputException("a location needs a name, like 'Bygg A/2. etasje/Kontor 204'");
        }
        return segments;
    }

    static String normalize(String path) {
        return segments(path).stream().collect(Collectors.joining("/"));
    }
}
