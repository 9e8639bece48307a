package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.UnitOfWork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link AttachmentStore} promises: contents come back byte for byte; too large is refused early. */
public abstract class AttachmentStoreContract {

    /** How far past the limit a store may read before refusing. */
    public static final long READ_AHEAD = 64 * 1024;

    protected abstract UnitOfWork unitOfWork();

    protected abstract AttachmentStore attachments();

    @Test
    public void a_stored_content_reads_back_byte_for_byte_after_the_transaction() throws IOException {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        AttachmentId id = AttachmentId.random();
        long size = unitOfWork().inTransaction(() ->
                attachments().store(id, new ByteArrayInputStream(content), 10L * 1024 * 1024));
        assertEquals(content.length, size);
        try (InputStream in = attachments().open(id).orElseThrow()) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    public void an_empty_file_is_kept() throws IOException {
        AttachmentId id = AttachmentId.random();
        assertEquals(0, unitOfWork().inTransaction(() ->
                attachments().store(id, new ByteArrayInputStream(new byte[0]), 1024)));
        try (InputStream in = attachments().open(id).orElseThrow()) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    public void a_content_exactly_at_the_limit_is_accepted() {
        AttachmentId id = AttachmentId.random();
        assertEquals(1000, unitOfWork().inTransaction(() ->
                attachments().store(id, new ByteArrayInputStream(new byte[1000]), 1000)));
    }

    @Test
    public void a_content_over_the_limit_is_refused_without_reading_it_all_and_nothing_is_kept() {
        AttachmentId id = AttachmentId.random();
        EndlessStream endless = new EndlessStream();
        TicketingException e = assertThrows(TicketingException.class, () -> unitOfWork().run(() ->
                attachments().store(id, endless, 1024 * 1024)));
        assertEquals(ErrorKind.TOO_LARGE, e.kind());
        assertEquals("attachment.too_large", e.code());
        assertTrue(endless.read <= 1024 * 1024 + 1 + READ_AHEAD, "read " + endless.read + " bytes");
        assertTrue(attachments().open(id).isEmpty());
    }

    @Test
    public void an_unknown_attachment_is_absent() {
        assertTrue(attachments().open(AttachmentId.random()).isEmpty());
    }

    @Test
    public void a_rolled_back_transaction_keeps_no_content() {
        AttachmentId id = AttachmentId.random();
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            attachments().store(id, new ByteArrayInputStream(new byte[10]), 100);
            throw new IllegalStateException("the use case fails after storing");
        }));
        assertTrue(attachments().open(id).isEmpty());
    }

    /** A stream that never ends and counts what was read from it. */
    static final class EndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }
}
