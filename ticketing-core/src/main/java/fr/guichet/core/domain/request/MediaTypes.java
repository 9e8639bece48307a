package fr.guichet.core.domain.request;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a file's media type from its first bytes (the name only refines a ZIP or OLE container); HTML and scripts are
 * recognised so that an allow-list can refuse them whatever their name. A stored file's name gets an extension that
 * agrees with that type.
 */
public final class MediaTypes {

    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD = 4096;

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String HTML = "text/html";
    public static final String ZIP = "application/zip";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String OCTET_STREAM = "application/octet-stream";

    /** The default allow-list: documents, images, text and archives people send to a helpdesk. */
    public static final Set<String> DEFAULT_ALLOWED = Set.of(PDF, PNG, JPEG, GIF, WEBP, TEXT, CSV, ZIP, DOCX, XLSX,
            PPTX, ODT, ODS, ODP, DOC, XLS);

    /** The extensions a file of each type detected may have once stored, its usual one first. */
    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry(PDF, List.of("pdf")),
            Map.entry(PNG, List.of("png")),
            Map.entry(JPEG, List.of("jpg", "jpeg")),
            Map.entry(GIF, List.of("gif")),
            Map.entry(WEBP, List.of("webp")),
            Map.entry(TEXT, List.of("txt", "text", "log", "ini", "md")),
            Map.entry(CSV, List.of("csv")),
            Map.entry(HTML, List.of("html", "htm")),
            Map.entry(ZIP, List.of("zip")),
            Map.entry(DOCX, List.of("docx")),
            Map.entry(XLSX, List.of("xlsx")),
            Map.entry(PPTX, List.of("pptx")),
            Map.entry(ODT, List.of("odt")),
            Map.entry(ODS, List.of("ods")),
            Map.entry(ODP, List.of("odp")),
            Map.entry(DOC, List.of("doc")),
            Map.entry(XLS, List.of("xls")),
            Map.entry(OCTET_STREAM, List.of("bin")));

    private static final Set<String> KNOWN_EXTENSIONS = EXTENSIONS.values().stream().flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    private MediaTypes() {
    }

    /** The media type of a content whose first {@code length} bytes are in {@code head}. */
    public static String detect(byte[] head, int length, String fileName) {
        String ext = extension(fileName);
        if (starts(head, length, "%PDF-")) {
            return PDF;
        }
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, length, "GIF87a") || starts(head, length, "GIF89a")) {
            return GIF;
        }
        if (starts(head, length, "RIFF") && length >= 12 && new String(head, 8, 4, StandardCharsets.US_ASCII)
                .equals("WEBP")) {
            return WEBP;
        }
        if (starts(head, length, 'P', 'K', 3, 4)) {
            return switch (ext) {
                case "docx" -> DOCX;
                case "xlsx" -> XLSX;
                case "pptx" -> PPTX;
                case "odt" -> ODT;
                case "ods" -> ODS;
                case "odp" -> ODP;
                default -> ZIP;
            };
        }
        if (starts(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return switch (ext) {
                case "xls" -> XLS;
                case "doc" -> DOC;
                default -> OCTET_STREAM;
            };
        }
        if (isText(head, length)) {
            String text = new String(head, 0, length, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (looksLikeMarkup(text)) {
                return HTML;
            }
            return ext.equals("csv") ? CSV : TEXT;
        }
        return OCTET_STREAM;
    }

    /**
     * The name a file of {@code mediaType} (as {@link #detect} found it) is stored under, so that once downloaded it
     * opens as what it is: {@code name} sanitised, kept when its extension is one of the type's; otherwise an extension
     * known for another type is replaced by the type's usual one ({@code consignes.html} of plain text becomes {@code
     * consignes.txt}) and any other is kept with the usual one appended ({@code notes.2024} becomes {@code
     * notes.2024.txt}).
     */
    public static String storedName(String name, String mediaType) {
        List<String> proper = EXTENSIONS.get(mediaType);
        if (proper == null) {
            throw new IllegalArgumentException("not a detected media type: " + mediaType);
        }
        String clean = FileName.sanitise(name);
        String ext = extension(clean);
        if (proper.contains(ext)) {
            return clean;
        }
        String base = KNOWN_EXTENSIONS.contains(ext) ? clean.substring(0, clean.lastIndexOf('.')) : clean;
        return FileName.sanitise(base.replaceAll("[. ]+$", "") + "." + proper.get(0));
    }

    private static boolean looksLikeMarkup(String text) {
        String t = text.replace("\ufeff", "").stripLeading();
        return t.startsWith("<!doctype") || t.startsWith("<?xml") || t.startsWith("<svg")
                || text.contains("<html") || text.contains("<script") || text.contains("<iframe") || text.contains("<body")
                || text.contains("<svg") || text.contains("javascript:");
    }

    private static boolean isText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0C)) {
                return false;
            }
        }
        int end = length;
        // A multi-byte character may be cut at the end of the head: ignore up to three trailing bytes.
        for (int cut = 0; cut <= 3 && end - cut >= 0; cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, end - cut));
                return true;
            } catch (CharacterCodingException e) {
                if (length < HEAD) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean starts(byte[] head, int length, String magic) {
        return starts(head, length, magic.chars().toArray());
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
