package fr.guichet.mail;

import fr.guichet.core.domain.notification.DeliveryResult;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sorts an SMTP failure into worth retrying or not. Permanent: a 5xx reply to the recipient (RCPT) or to the message
 * (DATA), or an address the client itself rejects. Transient: everything else (connection refused or lost, timeouts,
 * any 4xx, and 5xx replies to MAIL FROM or AUTH, which are the server's configuration rather than this mail's fault
 * and may be fixed before the retries run out). The reason quotes the server's reply. Pure and thread-safe.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static DeliveryResult classify(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                String reason = "recipient refused: " + reply(refused.getReturnCode(), refused.getMessage());
                return refused.getReturnCode() >= 500
                        ? DeliveryResult.permanentFailure(reason)
                        : DeliveryResult.transientFailure(reason);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSendFailedException refused) {
                String command = refused.getCommand() == null ? "" : refused.getCommand().toUpperCase(Locale.ROOT);
                String reason = "message refused: " + reply(refused.getReturnCode(), refused.getMessage());
                boolean aboutThisMail = command.startsWith("RCPT") || command.startsWith("DATA")
                        || command.startsWith(".") || command.startsWith("BDAT");
                return refused.getReturnCode() >= 500 && aboutThisMail
                        ? DeliveryResult.permanentFailure(reason)
                        : DeliveryResult.transientFailure(reason);
            }
        }
        if (failure instanceof SendFailedException sent) {
            Address[] invalid = sent.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                return DeliveryResult.permanentFailure("invalid address " + Arrays.toString(invalid) + ": "
                        + oneLine(sent.getMessage()));
            }
        }
        if (failure instanceof AuthenticationFailedException) {
            return DeliveryResult.transientFailure("authentication refused: " + oneLine(failure.getMessage()));
        }
        Throwable root = chain.get(chain.size() - 1);
        String reason = oneLine(failure.getMessage());
        if (root != failure) {
            reason += " (" + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()) + ")";
        }
        return DeliveryResult.transientFailure(reason);
    }

    private static String reply(int code, String message) {
        String text = oneLine(message);
        return text.startsWith(String.valueOf(code)) ? text : code + " " + text;
    }

    private static String oneLine(String text) {
        return text == null ? "" : SafeText.header(text);
    }

    private static List<Throwable> chain(MessagingException failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t instanceof MessagingException m) {
                pending.add(m.getNextException());
            }
            pending.add(t.getCause());
        }
        return out;
    }
}
