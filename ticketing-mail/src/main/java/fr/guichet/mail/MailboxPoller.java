package fr.guichet.mail;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.application.ReceiveMail;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Reads the helpdesk's mailbox over IMAP on a thread of its own, every {@link ImapConfig#pollInterval()}: the mails of
 * a poll are read in chunks, each in one {@code UID FETCH}, and handed one by one to {@link ReceiveMail}; those it took
 * in are moved to the folder of imported mail together, in one command, once it returned for each (their imports
 * committed). A mail whose import throws stays where it is for the next poll (a failure of the core ends the poll, as
 * the next mails would likely fail the same way). A core that is unavailable or busy (a TicketingException of kind
 * UNAVAILABLE or CONFLICT) is no fault of the mail; any other failure reading it or taking it in is counted, and after
 * {@link ImapConfig#maxAttempts()} failures in a row (counted in memory, for a bounded number of mails) it is moved to
 * the error folder, as is a mail larger than {@link ImapConfig#maxMessageBytes()}: both are first kept for staff from
 * their headers alone ({@link ReceiveMail#keepUnreadable}, reasons {@code unreadable} and {@code too-large}). Whatever
 * a poll throws, the next one runs; a mail imported but not moved when it threw is read again and, its Message-ID
 * known, moved then. Nodes may poll the same mailbox at once: the core imports a Message-ID once, and a mail another
 * node moved meanwhile is no error. Each poll opens and closes its own connection. Thread-safe; {@link #close} stops
 * the thread.
 */
public final class MailboxPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MailboxPoller.class.getName());
    private static final int BATCH = 200;
    private static final int CHUNK = 50;
    private static final long CHUNK_BYTES = 8L << 20;
    private static final int TRACKED_FAILURES = 10_000;

    private final ImapConfig config;
    private final Function<InboundMail, MailReceipt> receive;
    private final BiFunction<InboundMail, String, MailReceipt> keep;
    private final Session session;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > TRACKED_FAILURES;
        }
    };
    private volatile boolean closing;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "guichet-mailbox");
        t.setDaemon(true);
        return t;
    });

    MailboxPoller(ImapConfig config, Function<InboundMail, MailReceipt> receive,
            BiFunction<InboundMail, String, MailReceipt> keep) {
        this.config = Objects.requireNonNull(config, "config");
        this.receive = Objects.requireNonNull(receive, "receive");
        this.keep = Objects.requireNonNull(keep, "keep");
        this.session = Session.getInstance(properties(config));
        StreamProviders.pin();
    }

    /** A poller of {@code config}'s mailbox into {@code receiveMail}, polling at once and then at each interval. */
    public static MailboxPoller start(ImapConfig config, ReceiveMail receiveMail) {
        return start(config, receiveMail::receive, receiveMail::keepUnreadable);
    }

    static MailboxPoller start(ImapConfig config, Function<InboundMail, MailReceipt> receive,
            BiFunction<InboundMail, String, MailReceipt> keep) {
        MailboxPoller poller = new MailboxPoller(config, receive, keep);
        poller.thread.scheduleWithFixedDelay(poller::pollLogged, 0, config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        return poller;
    }

    /** The Jakarta Mail session properties for {@code config}. */
    static Properties properties(ImapConfig config) {
        String protocol = protocol(config);
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", protocol);
        p.setProperty(prefix + "host", config.host());
        p.setProperty(prefix + "port", String.valueOf(config.port()));
        p.setProperty(prefix + "connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", String.valueOf(config.readTimeout().toMillis()));
        p.setProperty(prefix + "writetimeout", String.valueOf(config.readTimeout().toMillis()));
        p.setProperty(prefix + "ssl.checkserveridentity", "true");
        if (!config.ssl()) {
            p.setProperty(prefix + "starttls.enable", "true");
        }
        config.trust().ifPresent(trust -> p.put(prefix + "ssl.socketFactory", trust.socketFactory()));
        return p;
    }

    private static String protocol(ImapConfig config) {
        return config.ssl() ? "imaps" : "imap";
    }

    /** What one poll did with the mails it read. */
    record Poll(int imported, int failed, int rejected, int gone) {
    }

    private void pollLogged() {
        try {
            Poll poll = poll();
            if (poll.imported() + poll.failed() + poll.rejected() > 0) {
                LOG.log(Level.INFO, "Mailbox read: {0} imported, {1} to retry, {2} moved to {3}", poll.imported(),
                        poll.failed(), poll.rejected(), config.errorFolder());
            }
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "Reading the mailbox " + config.url() + " failed; retried at the next poll", e);
        }
    }

    /** Reads the mailbox once: imports up to 200 mails, oldest first; throws when the mailbox cannot be read. */
    synchronized Poll poll() throws MessagingException {
        Store store = session.getStore(protocol(config));
        try {
            store.connect(config.host(), config.port(), config.user(), config.password());
            existing(store, config.doneFolder());
            existing(store, config.errorFolder());
            IMAPFolder inbox = (IMAPFolder) store.getFolder(config.folder());
            inbox.open(Folder.READ_WRITE);
            try {
                return read(inbox);
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(UidFolder.expungesOnClose(inbox));
                }
            }
        } finally {
            store.close();
        }
    }

    private Poll read(IMAPFolder inbox) throws MessagingException {
        UidFolder folder = new UidFolder(inbox);
        long validity = inbox.getUIDValidity();
        int[] results = new int[Result.values().length];
        List<UidFolder.Listed> listed = folder.list(BATCH);
        boolean stopped = false;
        for (int from = 0; from < listed.size() && !stopped; ) {
            List<UidFolder.Listed> chunk = chunk(listed, from);
            from += chunk.size();
            Map<Long, byte[]> contents = folder.contents(chunk.stream()
                    .filter(mail -> mail.size() <= config.maxMessageBytes()).map(UidFolder.Listed::uid).toList());
            List<Long> imported = new ArrayList<>();
            for (UidFolder.Listed mail : chunk) {
                if (closing) {
                    stopped = true;
                    break;
                }
                Result result = importOne(folder, mail, validity + ":" + mail.uid(), contents.get(mail.uid()));
                results[result.ordinal()]++;
                if (result == Result.IMPORTED) {
                    imported.add(mail.uid());
                }
                if (result == Result.STOPPED) {
                    stopped = true;
                    break;
                }
            }
            folder.move(imported, config.doneFolder());
        }
        return new Poll(results[Result.IMPORTED.ordinal()],
                results[Result.FAILED.ordinal()] + results[Result.STOPPED.ordinal()],
                results[Result.REJECTED.ordinal()], results[Result.GONE.ordinal()]);
    }

    /**
     * The mails of {@code listed} read together from {@code from} on: up to {@value #CHUNK} of them, of at most
     * {@value #CHUNK_BYTES} bytes together unless the first alone is larger; a mail too large to be read counts for
     * nothing.
     */
    private List<UidFolder.Listed> chunk(List<UidFolder.Listed> listed, int from) {
        long bytes = 0;
        int to = from;
        while (to < listed.size() && to - from < CHUNK) {
            long size = listed.get(to).size() > config.maxMessageBytes() ? 0 : listed.get(to).size();
            if (to > from && bytes + size > CHUNK_BYTES) {
                break;
            }
            bytes += size;
            to++;
        }
        return listed.subList(from, to);
    }

    /** What became of one mail; STOPPED: the core failed, which is likely to fail the next mails too. */
    private enum Result { IMPORTED, FAILED, STOPPED, REJECTED, GONE }

    /**
     * Takes in the mail {@code listed} of bytes {@code content} (null when it left the folder or was not read, being
     * too large); a mail imported is left in the folder for the caller to move.
     */
    private Result importOne(UidFolder folder, UidFolder.Listed listed, String key, byte[] content)
            throws MessagingException {
        long uid = listed.uid();
        boolean read = false;
        try {
            if (listed.size() > config.maxMessageBytes()) {
                LOG.log(Level.WARNING, "Mail UID {0} is larger than {1} bytes: moved to {2}", uid,
                        config.maxMessageBytes(), config.errorFolder());
                return rejected(folder, uid, key, "too-large", "Ce courriel de " + megabytes(listed.size())
                        + " Mo dépasse la taille acceptée (" + megabytes(config.maxMessageBytes())
                        + " Mo)\u00A0: il est resté dans le dossier " + config.errorFolder() + " de la boîte.");
            }
            if (content == null) {
                return Result.GONE;
            }
            InboundMail mail = InboundMails.read(new MimeMessage(session, new SharedByteArrayInputStream(content)));
            read = true;
            MailReceipt receipt = receive.apply(mail);
            LOG.log(Level.DEBUG, "Mail UID {0}: {1} {2}", uid, receipt.outcome(), receipt.reason());
            forget(key);
            return Result.IMPORTED;
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (TicketingException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE && e.kind() != ErrorKind.CONFLICT) {
                return countFailure(folder, uid, key, e, true);
            }
            LOG.log(Level.WARNING, "Importing mail UID " + uid + " failed for now; retried at the next poll", e);
            return Result.STOPPED;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return countFailure(folder, uid, key, e, read);
        }
    }

    /** Counts the failure {@code e} against the mail {@code uid}, moving it to the error folder at the last attempt. */
    private Result countFailure(UidFolder folder, long uid, String key, Throwable e, boolean read)
            throws MessagingException {
        if (!stillThere(folder, uid)) {
            forget(key);
            return Result.GONE;
        }
        int attempts = failed(key);
        if (attempts < config.maxAttempts()) {
            LOG.log(Level.WARNING, "Importing mail UID " + uid + " failed (attempt " + attempts + " of "
                    + config.maxAttempts() + "); retried at the next poll", e);
            return read ? Result.STOPPED : Result.FAILED;
        }
        LOG.log(Level.WARNING, "Importing mail UID " + uid + " failed " + attempts + " times: moved to "
                + config.errorFolder(), e);
        return rejected(folder, uid, key, "unreadable", "Ce courriel n'a pas pu être lu\u00A0: il est resté dans le "
                + "dossier " + config.errorFolder() + " de la boîte.");
    }

    /** Keeps the mail {@code uid} for staff from its headers and {@code text}, then moves it to the error folder. */
    private Result rejected(UidFolder folder, long uid, String key, String reason, String text)
            throws MessagingException {
        Optional<byte[]> header = folder.header(uid);
        if (header.isEmpty()) {
            forget(key);
            return Result.GONE;
        }
        InboundMail mail;
        try {
            mail = InboundMails.headersWith(new MimeMessage(session, new SharedByteArrayInputStream(header.get())),
                    text);
        } catch (MessagingException | RuntimeException e) {
            mail = new InboundMail(null, null, List.of(), "", text, Map.of(), List.of());
        }
        keep.apply(mail, reason);
        folder.move(List.of(uid), config.errorFolder());
        forget(key);
        return Result.REJECTED;
    }

    private static String megabytes(long bytes) {
        return String.valueOf((bytes + (1 << 20) - 1) >> 20);
    }

    private static boolean stillThere(UidFolder folder, long uid) {
        try {
            return folder.holds(uid);
        } catch (MessagingException e) {
            return true;
        }
    }

    private synchronized int failed(String key) {
        return failures.merge(key, 1, Integer::sum);
    }

    private synchronized void forget(String key) {
        failures.remove(key);
    }

    /** The folder {@code name}, created when missing (by this node or another at the same time). */
    private static Folder existing(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES) && !folder.exists()) {
            throw new MessagingException("the folder " + name + " cannot be created");
        }
        return folder;
    }

    /** Stops polling; a poll under way ends with its current mail. */
    @Override
    public void close() {
        closing = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(config.readTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
