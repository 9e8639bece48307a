package fr.guichet.core.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    private static final String ANSWER = "Bonjour,\n\nLe vidéoprojecteur fonctionne de nouveau, merci.\n\nMarie";

    @Test
    void thunderbird_attribution_is_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n\nLe 03/09/2026 à 10:12, Guichet a écrit :\n"
                + "> Votre demande n° 0022928 a bien été enregistrée.\n>\n> Guichet"));
    }

    @Test
    void thunderbird_attribution_with_a_non_breaking_space_is_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n\nLe 03/09/2026 à 10:12, Guichet a écrit\u00A0:\n"
                + "> Votre demande"));
    }

    @Test
    void outlook_original_message_separator_is_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n\n-----Message d'origine-----\nDe : Guichet\n"
                + "Envoyé : mardi 3 septembre 2026 10:12\nÀ : Marie Curie\nObjet : Votre demande\n\nBonjour"));
    }

    @Test
    void english_original_message_separator_is_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\r\n-----Original Message-----\r\nFrom: Guichet\r\nhello"));
    }

    @Test
    void outlook_header_block_is_cut_with_its_rule() {
        String reply = ANSWER + "\n\n________________________________\n"
                + "De : Guichet <guichet@ac-exemple.fr>\n"
                + "Envoyé : mardi 3 septembre 2026 10:12\n"
                + "À : Marie Curie <marie.curie@ac-exemple.fr>\n"
                + "Objet : Votre demande n° 0022928 [Guichet 0022928-K3J9X2M4Q8]\n\nBonjour,";
        assertEquals(ANSWER, QuotedText.cut(reply));
    }

    @Test
    void english_outlook_header_block_is_cut() {
        String reply = ANSWER + "\n\nFrom: Guichet <guichet@ac-exemple.fr>\nSent: Tuesday, September 3, 2026 10:12\n"
                + "To: Marie Curie\nSubject: Votre demande\n\nBonjour,";
        assertEquals(ANSWER, QuotedText.cut(reply));
    }

    @Test
    void a_line_starting_with_de_is_kept_when_no_header_block_follows() {
        String text = "Bonjour,\nDe : la part de la direction, merci.\nObjet : réparé";
        assertEquals(text, QuotedText.cut(text));
    }

    @Test
    void gmail_attribution_wrapped_over_two_lines_is_cut() {
        String reply = ANSWER + "\n\nLe mar. 3 sept. 2026 à 10:12, Guichet <guichet@ac-exemple.fr> a\n"
                + "écrit :\n\n> Votre demande n° 0022928 a bien été enregistrée.";
        assertEquals(ANSWER, QuotedText.cut(reply));
    }

    @Test
    void gmail_attribution_wrapped_inside_the_address_is_cut() {
        String reply = ANSWER + "\n\nLe mar. 3 sept. 2026 à 10:12, Guichet <\nguichet@ac-exemple.fr> a écrit :\n\n"
                + "> Votre demande";
        assertEquals(ANSWER, QuotedText.cut(reply));
    }

    @Test
    void apple_mail_attribution_is_cut() {
        String reply = ANSWER + "\n\n> Le 3 sept. 2026 à 10:12, Guichet <guichet@ac-exemple.fr> a écrit :\n"
                + "> \n> Votre demande";
        assertEquals(ANSWER, QuotedText.cut(reply));
        String unquoted = ANSWER + "\n\nLe 3 sept. 2026 à 10:12, Guichet <guichet@ac-exemple.fr> a écrit :\n\n"
                + "Votre demande";
        assertEquals(ANSWER, QuotedText.cut(unquoted));
    }

    @Test
    void english_attributions_are_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n\nOn Tue, Sep 3, 2026 at 10:12 AM Guichet "
                + "<guichet@ac-exemple.fr> wrote:\n> Your request"));
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n\nOn 3 Sep 2026, at 10:12, Guichet "
                + "<guichet@ac-exemple.fr>\nwrote:\n\n> Your request"));
    }

    @Test
    void a_sentence_without_a_date_is_not_an_attribution() {
        String text = "Le directeur a écrit :\nil faut changer la lampe.";
        assertEquals(text, QuotedText.cut(text));
    }

    @Test
    void quoted_lines_are_dropped_and_inline_answers_kept() {
        String reply = "> Le vidéoprojecteur est-il branché ?\nOui.\n> Et allumé ?\nAussi.";
        assertEquals("Oui.\nAussi.", QuotedText.cut(reply));
    }

    @Test
    void signature_is_cut() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n-- \nMarie Curie\nProfesseure de physique"));
        assertEquals(ANSWER, QuotedText.cut(ANSWER + "\n--\nMarie Curie"));
    }

    @Test
    void text_without_quote_is_kept() {
        assertEquals(ANSWER, QuotedText.cut(ANSWER));
    }

    @Test
    void text_that_would_be_emptied_is_returned_as_it_was() {
        String onlyQuote = "> Votre demande n° 0022928\n> a bien été enregistrée.";
        assertEquals(onlyQuote, QuotedText.cut(onlyQuote));
        String onlySignature = "-- \nMarie Curie";
        assertEquals(onlySignature, QuotedText.cut(onlySignature));
    }

    @Test
    void null_and_blank_stay_as_they_are() {
        assertNull(QuotedText.cut(null));
        assertEquals("  ", QuotedText.cut("  "));
    }
}
