package fr.guichet.core.architecture.samples.cheating;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.testing.Fixtures;

/** A sample adapter whose main code reaches into the core's test-jar. */
final class CheatingDirectory {

    Person someone() {
        return Fixtures.montanes();
    }
}
