package fr.guichet.examples;

import com.google.inject.Module;
import java.util.Map;

/** Chooses where people and passwords come from: Guichet's own tables, or the académie's LDAP directory. */
final class DirectoryChoice {

    private DirectoryChoice() {
    }

    static Module from(Map<String, String> env) {
        return new LocalAccountsModule();
    }
}
