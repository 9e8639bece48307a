package fr.guichet.examples;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Waits for {@code condition}, asking again when the page redrew an element between finding and reading it. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement visible(By by) {
        return waitFor(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    void waitForPath(String path) {
        waitFor(d -> d.getCurrentUrl().contains(path));
    }

    /** Signs in on the sign-in page, as a new person at the same computer, and waits to land where the front sends. */
    void signIn(String identifier, String password) {
        forget();
        open("/connexion.html");
        visible(By.id("identifiant")).sendKeys(identifier);
        driver.findElement(By.id("mot-de-passe")).sendKeys(password);
        driver.findElement(By.id("se-connecter")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/connexion.html"));
    }

    /** Forgets the session, as a new person at the same computer would. */
    void forget() {
        open("/");
        driver.manage().deleteAllCookies();
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe finds on the page shown, each named after {@code page}. */
    List<String> seriousViolations(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp());
            }
        }
        return found;
    }

    String activeId() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.activeElement && (document.activeElement.id || document.activeElement.textContent);");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
