package fr.guichet.jdbc;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.port.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Attachment contents in a BLOB (bytea on PostgreSQL). An upload is first copied to a temporary file, reading at most
 * the limit plus one byte, so that a file over the limit is refused before the database sees any of it; the file is
 * then streamed into the column with its exact length. {@link #open} copies the content to a temporary file deleted
 * when the stream is closed, so the stream outlives the transaction and holds no connection.
 */
final class JdbiAttachmentStore implements AttachmentStore {

    private static final int BUFFER = 64 * 1024;

    private final Database db;

    JdbiAttachmentStore(Database db) {
        this.db = db;
    }

    @Override
    public long store(AttachmentId id, InputStream content, long maxBytes) {
        Path spool = createTempFile();
        try {
            long size = copyAtMost(content, spool, maxBytes + 1);
            if (size > maxBytes) {
                throw DomainError.of(ErrorKind.TOO_LARGE, "attachment.too_large",
                        "Le fichier dépasse la taille autorisée (" + maxBytes / 1024 + " Kio).").exception();
            }
            db.inTransaction(h -> {
                try (InputStream in = Files.newInputStream(spool)) {
                    return h.createUpdate("INSERT INTO attachment_contents (id, size, content) "
                                    + "VALUES (:id, :size, :content)")
                            .bind("id", id.toString()).bind("size", size)
                            .bindBinaryStream("content", in, Math.toIntExact(size))
                            .execute();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return size;
        } finally {
            deleteQuietly(spool);
        }
    }

    @Override
    public Optional<InputStream> open(AttachmentId id) {
        Path copy = createTempFile();
        boolean found = false;
        try {
            found = db.inTransaction(h -> h.createQuery("SELECT content FROM attachment_contents WHERE id = :id")
                    .bind("id", id.toString())
                    .map((rs, ctx) -> {
                        try (InputStream in = rs.getBinaryStream("content")) {
                            copyAtMost(in, copy, Long.MAX_VALUE);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return Boolean.TRUE;
                    })
                    .findOne().orElse(Boolean.FALSE));
            if (!found) {
                return Optional.empty();
            }
            return Optional.of(Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!found) {
                deleteQuietly(copy);
            }
        }
    }

    @Override
    public boolean delete(AttachmentId id) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM attachment_contents WHERE id = :id")
                .bind("id", id.toString()).execute()) > 0;
    }

    /** Copies up to {@code limit} bytes of {@code in} to {@code file}; returns how many were copied. */
    private static long copyAtMost(InputStream in, Path file, long limit) {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (total < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static Path createTempFile() {
        try {
            return Files.createTempFile("guichet-attachment-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
