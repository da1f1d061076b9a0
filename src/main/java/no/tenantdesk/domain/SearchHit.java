package no.tenantdesk.domain;

import java.util.Objects;

/** An inquiry a search found, with the best place it matched: the field and a short piece of its text. */
public record SearchHit(Inquiry inquiry, Match match) {

    public record Match(SearchField field, String snippet) {

        public Match {
            Objects.requireNonNull(field, "field");
            snippet = snippet == null ? "" : snippet;
        }
    }

    public SearchHit {
        Objects.requireNonNull(inquiry, "inquiry");
        Objects.requireNonNull(match, "match");
    }
}
