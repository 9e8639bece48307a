package fr.guichet.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an HTML mail body, parsed by jsoup and never rendered: the text of its elements, a line break for
 * {@code <br>} and around blocks ({@code <p>}, {@code <div>}, list items, rows, headings), the lines of a
 * {@code <blockquote>} prefixed with "&gt; " as a client quotes them; scripts, styles and the head are left out, and
 * so are tags, attributes and links. Pure and thread-safe.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr", "address", "section", "article",
            "header", "footer");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template", "noscript");

    private HtmlText() {
    }

    /** The text of {@code html}, lines joined by {@code \n}, at most one empty line in a row. */
    static String of(String html) {
        Lines lines = new Lines();
        NodeTraversor.traverse(lines, Jsoup.parse(html).body());
        return lines.text();
    }

    /** Collects text line by line while jsoup walks the document. */
    private static final class Lines implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;
        private int skipDepth;
        private int blankLines;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag) || skipDepth > 0) {
                    skipDepth++;
                    return;
                }
                if (tag.equals("br")) {
                    breakLine(true);
                } else if (BLOCKS.contains(tag)) {
                    breakLine(false);
                    if (tag.equals("blockquote")) {
                        quoteDepth++;
                    }
                } else if (tag.equals("td") || tag.equals("th")) {
                    appendSpace();
                }
            } else if (node instanceof TextNode text && skipDepth == 0) {
                String words = text.text();
                if (!words.isBlank()) {
                    if (words.startsWith(" ") || words.startsWith("\u00A0")) {
                        appendSpace();
                    }
                    line.append(words.strip());
                    if (words.endsWith(" ") || words.endsWith("\u00A0")) {
                        appendSpace();
                    }
                } else if (!words.isEmpty()) {
                    appendSpace();
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (skipDepth > 0) {
                    skipDepth--;
                    return;
                }
                if (BLOCKS.contains(tag)) {
                    breakLine(false);
                    if (tag.equals("blockquote")) {
                        quoteDepth--;
                    }
                }
            }
        }

        private void appendSpace() {
            if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
        }

        /** Ends the current line; an empty one is kept only for {@code <br>}, and never two in a row. */
        private void breakLine(boolean always) {
            String text = line.toString().strip();
            line.setLength(0);
            if (text.isEmpty()) {
                if (!always || out.length() == 0 || blankLines > 0) {
                    return;
                }
                blankLines++;
            } else {
                blankLines = 0;
            }
            out.append("> ".repeat(quoteDepth)).append(text).append('\n');
        }

        String text() {
            breakLine(false);
            return out.toString().stripTrailing();
        }
    }
}
