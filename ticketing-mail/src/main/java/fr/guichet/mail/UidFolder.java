package fr.guichet.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * An open IMAP folder whose mails are read and moved by UID alone ({@code UID FETCH}, {@code UID MOVE}, or
 * {@code UID COPY}, {@code \Deleted} and {@code UID EXPUNGE} of those mails only), several in one command, so that
 * what other clients move meanwhile never shifts which mail is read or moved; a UID that has left the folder reads as
 * absent and moves as nothing. On a server with neither {@code MOVE} nor {@code UIDPLUS} a moved mail stays flagged
 * {@code \Deleted} until the folder is closed expunging ({@link #expungesOnClose}), and is never listed meanwhile.
 * Used by one thread.
 */
final class UidFolder {

    private final IMAPFolder folder;

    UidFolder(IMAPFolder folder) {
        this.folder = folder;
    }

    /** A mail of the folder: its UID and size in bytes. */
    record Listed(long uid, long size) {
    }

    /** The first {@code max} mails of the folder not flagged {@code \Deleted}, oldest first. */
    List<Listed> list(int max) throws MessagingException {
        Message[] undeleted = folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false));
        if (undeleted.length == 0) {
            return List.of();
        }
        Message[] messages = Arrays.copyOf(undeleted, Math.min(undeleted.length, max));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        List<Listed> out = new ArrayList<>();
        for (Message m : messages) {
            if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED)) {
                out.add(new Listed(folder.getUID(m), m.getSize()));
            }
        }
        return out;
    }

    /** Whether {@code folder} must be closed expunging to rid it of the mails moved out of it. */
    static boolean expungesOnClose(IMAPFolder folder) throws MessagingException {
        IMAPStore store = (IMAPStore) folder.getStore();
        return !store.hasCapability("MOVE") && !store.hasCapability("UIDPLUS");
    }

    /**
     * The bytes of the mails {@code uids}, read in one {@code UID FETCH} without setting {@code \Seen}, by UID; a mail
     * that left the folder is absent.
     */
    Map<Long, byte[]> contents(Collection<Long> uids) throws MessagingException {
        return fetched(uids, "BODY.PEEK[]");
    }

    /** The bytes of the header of the mail {@code uid}, without setting {@code \Seen}; empty when it left. */
    Optional<byte[]> header(long uid) throws MessagingException {
        return Optional.ofNullable(fetched(List.of(uid), "BODY.PEEK[HEADER]").get(uid));
    }

    @SuppressWarnings("unchecked")
    private Map<Long, byte[]> fetched(Collection<Long> uids, String item) throws MessagingException {
        if (uids.isEmpty()) {
            return Map.of();
        }
        Set<Long> wanted = Set.copyOf(uids);
        return (Map<Long, byte[]>) folder.doCommand(p -> {
            Response[] responses = p.command("UID FETCH " + set(uids) + " (UID " + item + ")", null);
            Map<Long, byte[]> found = new HashMap<>();
            for (Response r : responses) {
                if (r instanceof FetchResponse fetch) {
                    UID id = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (id != null && wanted.contains(id.uid) && body != null) {
                        found.put(id.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return found;
        });
    }

    /** The IMAP sequence set of {@code uids}: ascending, each run of consecutive UIDs as a range. */
    static String set(Collection<Long> uids) {
        long[] sorted = uids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            int last = i;
            while (last + 1 < sorted.length && sorted[last + 1] == sorted[last] + 1) {
                last++;
            }
            out.append(out.isEmpty() ? "" : ",").append(sorted[i]);
            if (last > i) {
                out.append(':').append(sorted[last]);
            }
            i = last;
        }
        return out.toString();
    }

    /** Whether the mail {@code uid} is still in the folder. */
    boolean holds(long uid) throws MessagingException {
        return Boolean.TRUE.equals(folder.doCommand(p -> {
            Response[] responses = p.command("UID FETCH " + uid + " (UID)", null);
            boolean found = false;
            for (Response r : responses) {
                if (r instanceof FetchResponse fetch) {
                    UID id = fetch.getItem(UID.class);
                    found |= id != null && id.uid == uid;
                }
            }
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return found;
        }));
    }

    /**
     * Moves the mails {@code uids} to {@code target} in one command ({@code UID MOVE}, or {@code UID COPY} then
     * {@code UID STORE} and {@code UID EXPUNGE} of these mails); those that left the folder already are passed over.
     */
    void move(Collection<Long> uids, String target) throws MessagingException {
        if (uids.isEmpty()) {
            return;
        }
        IMAPStore store = (IMAPStore) folder.getStore();
        String name = BASE64MailboxEncoder.encode(target);
        String set = set(uids);
        if (store.hasCapability("MOVE")) {
            command("UID MOVE", new Argument().writeAtom(set).writeString(name));
            return;
        }
        command("UID COPY", new Argument().writeAtom(set).writeString(name));
        command("UID STORE", new Argument().writeAtom(set).writeAtom("+FLAGS.SILENT").writeAtom("(\\Deleted)"));
        if (store.hasCapability("UIDPLUS")) {
            command("UID EXPUNGE", new Argument().writeAtom(set));
        }
    }

    private void command(String command, Argument arguments) throws MessagingException {
        folder.doCommand(p -> {
            Response[] responses = p.command(command, arguments);
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return null;
        });
    }
}
