package fr.guichet.core.architecture.samples.greedy;

import fr.guichet.core.architecture.samples.other.OtherAdapter;

/** A sample adapter that uses another adapter. */
final class GreedyAdapter {

    String borrowed() {
        return new OtherAdapter().name();
    }
}
