package fr.guichet.core.port;

import fr.guichet.core.domain.DomainError;

/** A page to fetch, from 1; the size is capped at {@link #MAX_SIZE} rather than refused. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 1) {
            throw DomainError.invalid("page", "page.invalid", "Le numéro de page commence à 1.").exception();
        }
        if (size < 1) {
            throw DomainError.invalid("size", "size.invalid", "La taille de page doit être positive.").exception();
        }
        size = Math.min(size, MAX_SIZE);
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
