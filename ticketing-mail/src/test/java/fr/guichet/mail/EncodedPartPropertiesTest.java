package fr.guichet.mail;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A mail's text parts, quoted-printable once when composed, are the bytes Jakarta Mail writes for the same text. */
class EncodedPartPropertiesTest {

    @Test
    void any_text_is_written_as_jakarta_mail_encodes_it_while_writing() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 300)).check(s -> same(s, "plain") && same(s, "html"));
    }

    @Test
    void lines_spaces_dots_and_equal_signs_are_written_as_jakarta_mail_encodes_them_while_writing() {
        qt().forAll(strings().betweenCodePoints(0x09, 0x3D).ofLengthBetween(0, 400)).check(s -> same(s, "plain"));
    }

    private static boolean same(String text, String subtype) {
        try {
            MimeBodyPart encodedWhileWritten = new MimeBodyPart();
            encodedWhileWritten.setText(text, "UTF-8", subtype);
            encodedWhileWritten.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
            encodedWhileWritten.setHeader("Content-Transfer-Encoding", "quoted-printable");
            return Arrays.equals(written(encodedWhileWritten), written(MailComposer.encoded(text, subtype)));
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] written(MimeBodyPart part) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }
}
