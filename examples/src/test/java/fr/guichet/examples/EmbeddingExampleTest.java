package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void the_embedding_example_files_the_seed_request_and_lists_it() {
        List<String> lines = EmbeddingExample.run();
        assertEquals(List.of("0000001  perte d'identifiant  EVE \u2013 4.2 \u2013 Mathenpoche par Montanes Marc"), lines);
    }
}
