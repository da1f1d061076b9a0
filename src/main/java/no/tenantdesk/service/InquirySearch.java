package no.tenantdesk.service;

import java.util.Arrays;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.store.InquiryMapper;
import no.tenantdesk.store.Tx;

/** The words of a search, and how the store is asked for them. */
final class InquirySearch {

    /**
     * A word typed is looked up in the index's word list and asked for word by word when it begins at most this many
     * words: a short prefix begins hundreds, which FTS5 merges faster than it would read a long OR.
     */
    private static final int MOST_WORDS = 16;

    /** A shorter prefix begins so many words, with so many hits, that listing them costs more than it saves. */
    private static final int SHORTEST_LISTED = 3;

    private InquirySearch() {}

    /**
     * The words of a search as the user typed them. The store matches each one as the beginning of a word and
     * never reads them as query syntax, so any text is a valid search. A "word" without a letter or digit ("*",
     * "(") can match nothing, and would leave every search it is part of empty: it is left out.
     */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the search text is empty");
        }
        return Arrays.stream(text.strip().split("\\s+"))
                .filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }

    /**
     * The words typed, each with the words of the index that begin with it, so that the store asks for those and
     * not for a prefix (InquiryMapper.xml, searchTerm). Listing them is only a way to ask faster: a word that is not
     * listed (short, beginning too many, or none at all) is asked for as a prefix and finds the same inquiries.
     */
    static List<InquiryMapper.SearchTerm> terms(Tx tx, List<String> words) {
        InquiryMapper inquiries = tx.mapper(InquiryMapper.class);
        return words.stream().map(word -> {
            String folded = indexFolded(word);
            if (folded == null || folded.length() < SHORTEST_LISTED) {
                return InquiryMapper.SearchTerm.prefix(word);
            }
            List<String> listed = inquiries.wordsBeginning(folded, MOST_WORDS + 1);
            return listed.size() > MOST_WORDS ? InquiryMapper.SearchTerm.prefix(word)
                    : new InquiryMapper.SearchTerm(word, listed);
        }).toList();
    }

    /**
     * The word as the index's tokenizer (unicode61, V002) keeps it: one token, lower case. Only for words whose
     * every letter is one Java and the tokenizer fold alike, beyond doubt: ASCII letters and digits and the letters
     * of Latin-1 (æ, ø, å, é, ü…); null for any other, which is then asked for as typed.
     */
    static String indexFolded(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int c : word.codePoints().toArray()) {
            boolean ascii = c < 0x80 && Character.isLetterOrDigit(c);
            boolean latin1 = c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7; // × and ÷ are not letters
            if (!ascii && !latin1) {
                return null;
            }
            folded.appendCodePoint(Character.toLowerCase(c));
        }
        return folded.toString();
    }
}
