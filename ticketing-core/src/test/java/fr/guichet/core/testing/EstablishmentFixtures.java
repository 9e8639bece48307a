package fr.guichet.core.testing;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.Uai;
import java.util.concurrent.ThreadLocalRandom;

/** Establishments for tests: fresh UAIs with their check letter, and names no other test uses. */
public final class EstablishmentFixtures {

    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";

    private EstablishmentFixtures() {
    }

    /** A random valid UAI, its check letter computed. */
    public static Uai newUai() {
        String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return new Uai(digits + Uai.checkLetter(digits));
    }

    /** A word of random letters, so that a search for it finds only what a test named with it. */
    public static String newWord() {
        StringBuilder word = new StringBuilder("Zy");
        for (int i = 0; i < 10; i++) {
            word.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    /** An establishment of a fresh UAI. */
    public static Establishment establishment(String name, String kind, String commune, String department) {
        return new Establishment(newUai(), name, kind, commune, Department.parse(department));
    }
}
