package fr.guichet.core.architecture.samples.other;

/** A sample adapter that others must not use. */
public final class OtherAdapter {

    public String name() {
        return "other";
    }
}
