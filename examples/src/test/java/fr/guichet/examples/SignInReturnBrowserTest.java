package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The sign-in page goes back to the page of the front that sent there, and never to another site. */
class SignInReturnBrowserTest {

    private static final String PASSWORD = DemoSite.PASSWORD;

    @RegisterExtension
    static final DemoSite site = DemoSite.perClass();
    private static final Browser browser = site.browser;
    private static final String base = site.base;

    /** Values of {@code retour} as they appear in the address, encoded or not. */
    private static List<String> hostileReturns() {
        List<String> raw = List.of("/.//evil.example", "/..//evil.example", "%2F%2Fevil.example",
                "%2F.%2F%2Fevil.example", "/%5C/evil.example", "%09//evil.example");
        List<String> decoded = List.of("//evil.example", "/%2e%2e//evil.example", "/\\evil.example",
                "\\\\evil.example", "/\\/evil.example", "/suivi.html/..//evil.example", "%2F%2Fevil.example",
                "https://evil.example/demandes.html", base + "//evil.example", "javascript:alert(document.domain)",
                "data:text/html,<script>alert(1)</script>");
        List<String> all = new ArrayList<>(raw);
        decoded.forEach(value -> all.add(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return all;
    }

    @Test
    void a_hostile_return_address_leads_to_the_home_page_of_this_site_after_signing_in_and_when_signed_in() {
        List<String> wrong = new ArrayList<>();
        for (String retour : hostileReturns()) {
            browser.forget();
            signInFrom("/connexion.html?retour=" + retour);
            String afterSignIn = landing();
            if (!afterSignIn.equals(base + "/demandes.html")) {
                wrong.add(retour + " after signing in: " + afterSignIn);
            }
            browser.open("/connexion.html?retour=" + retour);
            String signedIn = landing();
            if (!signedIn.equals(base + "/demandes.html")) {
                wrong.add(retour + " when signed in: " + signedIn);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_page_of_the_front_is_followed_with_its_query() {
        String page = "/suivi.html?numero=0000001";
        browser.forget();
        browser.open(page);
        browser.waitForPath("/connexion.html?retour=");
        signInFrom(null);
        assertEquals(base + page, landing());

        browser.forget();
        signInFrom("/connexion.html?retour=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertEquals(base + page, landing());

        browser.open("/connexion.html?retour=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
        assertEquals(base + page, landing());
    }

    /** Signs in as a requester on the sign-in page at {@code path}, or on the one already open when null. */
    private void signInFrom(String path) {
        if (path != null) {
            browser.open(path);
        }
        browser.visible(By.id("identifiant")).sendKeys("jdupont");
        browser.driver.findElement(By.id("mot-de-passe")).sendKeys(PASSWORD);
        browser.driver.findElement(By.id("se-connecter")).click();
    }

    /** Where the browser settles once it has left the sign-in page. */
    private String landing() {
        browser.waitFor(d -> !d.getCurrentUrl().contains("/connexion.html"));
        return browser.driver.getCurrentUrl();
    }
}
