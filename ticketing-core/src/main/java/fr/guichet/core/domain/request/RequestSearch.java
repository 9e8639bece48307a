package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person typed to find a request: a number alone ("22928", "0022928") finds the request of that number; any
 * other text, its {@link SearchText normalised} words, all of which the request's search text must hold; text with no
 * word at all ("%", "--") finds nothing. Immutable.
 */
public record RequestSearch(List<String> words, Optional<RequestNumber> number, boolean findsNothing) {

    /** The longest text a search takes. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    public RequestSearch {
        words = List.copyOf(words);
    }

    /** The search for {@code typed}; empty (matching everything) for null or blank text. */
    public static RequestSearch parse(String typed) {
        String stripped = typed == null ? "" : typed.strip();
        if (DIGITS.matcher(stripped).matches() && Long.parseLong(stripped) > 0) {
            return new RequestSearch(List.of(), Optional.of(RequestNumber.of(Long.parseLong(stripped))), false);
        }
        List<String> words = SearchText.words(typed);
        return new RequestSearch(words, Optional.empty(), words.isEmpty() && !stripped.isEmpty());
    }

    /** {@code typed} as it was, refused (INVALID, field {@code q}) past {@link #MAX_LENGTH} characters. */
    public static String requireSearchable(String typed) {
        if (typed != null && typed.length() > MAX_LENGTH) {
            throw DomainError.invalid("q", "search.too_long",
                    "La recherche ne doit pas dépasser " + MAX_LENGTH + " caractères.").exception();
        }
        return typed;
    }

    /** Whether {@code request} is found: it has the number searched, or its search text holds every word. */
    public boolean matches(Request request) {
        return matches(request, "");
    }

    /**
     * Whether {@code request} is found: it has the number searched, or each word is in its search text or in
     * {@code establishmentText}, the {@link SearchText normalised} name, commune and UAI of its establishment (empty
     * when unknown), so that a school's name finds its requests.
     */
    public boolean matches(Request request, String establishmentText) {
        if (findsNothing) {
            return false;
        }
        if (number.isPresent()) {
            return number.get().equals(request.summaryLine().number());
        }
        String text = request.searchText();
        return words.stream().allMatch(word -> text.contains(word) || establishmentText.contains(word));
    }
}
