package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.FileSize;

/**
 * The refusals of files over a deployment's limits, each naming the limit passed (a file's size, a request's files in
 * all, their number) in French units, on the field {@code file}; what an adapter that meets a limit first says too.
 */
public final class AttachmentLimits {

    private final TicketingSettings settings;

    public AttachmentLimits(TicketingSettings settings) {
        this.settings = settings;
    }

    /** One file is larger than a file may be. */
    public TicketingException fileTooLarge(String name) {
        return new DomainError(ErrorKind.TOO_LARGE, "attachment.too_large", "file",
                (name == null || name.isBlank() ? "Un fichier" : "Le fichier « " + name + " »") + " dépasse "
                        + FileSize.french(settings.maxFileBytes()) + ", la taille maximale d'un fichier.").exception();
    }

    /** The files of one request, those it already has ({@code alreadyAttached} bytes) included, are too large. */
    public TicketingException tooLargeInAll(long alreadyAttached) {
        return new DomainError(ErrorKind.TOO_LARGE, "attachment.total_too_large", "file",
                "Les fichiers d'une demande ne peuvent pas dépasser " + FileSize.french(settings.maxRequestBytes())
                        + " en tout" + (alreadyAttached > 0 ? " ; ceux déjà joints font "
                                + FileSize.french(alreadyAttached) : "") + ".").exception();
    }

    /** More files than a request may still take, it having {@code alreadyAttached} of them. */
    TicketingException tooMany(int alreadyAttached) {
        int max = settings.maxFilesPerRequest();
        return DomainError.invalid("file", "attachment.too_many", "Une demande peut avoir au plus " + max
                + " fichiers" + (alreadyAttached > 0 ? " ; celle-ci en a déjà " + alreadyAttached : "") + ".")
                .exception();
    }
}
