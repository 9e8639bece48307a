package fr.guichet.core.architecture.samples.leaky;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** A sample adapter that uses a library it did not declare. */
final class LeakyGenerator {

    Gen<String> names() {
        return Generate.constant("x");
    }
}
