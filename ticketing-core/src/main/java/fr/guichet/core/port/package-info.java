/**
 * What the core needs from outside, named for the need. Time comes from {@link java.time.Clock}, the JDK's own port.
 * Every port has an abstract contract test in the core's test-jar that each implementation runs.
 */
package fr.guichet.core.port;
