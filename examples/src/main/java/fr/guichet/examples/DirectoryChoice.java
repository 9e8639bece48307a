package fr.guichet.examples;

import com.google.inject.Module;
import fr.guichet.ldap.LdapModule;
import java.util.Map;

/** Chooses where people and passwords come from: the académie's LDAP directory when configured, else local tables. */
final class DirectoryChoice {

    private DirectoryChoice() {
    }

    static Module from(Map<String, String> env) {
        return LdapEnvironment.config(env).<Module>map(LdapModule::new).orElseGet(LocalAccountsModule::new);
    }
}
