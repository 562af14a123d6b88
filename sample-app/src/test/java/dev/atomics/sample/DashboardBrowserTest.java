package dev.atomics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.AtomicInt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The dashboard at {@code /} in a real headless browser ({@link Chromium}: Debian's chromium through Debian's
 * chromedriver, with explicit paths, so Selenium Manager never looks for or downloads anything).
 *
 * <p>Without chromium and chromium-driver installed this test fails, telling how to install them: .ci/run does.
 */
class DashboardBrowserTest extends AbstractSampleAppTest {

    static final Duration PATIENCE = Chromium.PATIENCE;

    static Chromium chromium;
    static WebDriver browser;

    @Autowired
    @Qualifier("jobs-done")
    AtomicInt jobsDone;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openDashboard() {
        browser.get(url("/"));
        // a mark that a reload would wipe out
        js("window.__noReload = 'still the same page';");
        waitUntil("the table lists the atomics", () -> rows().size() == ActuatorTest.ALL.length);
    }

    @AfterEach
    void restore() {
        jobsDone.store(0);
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#atomics-body tr[data-atomic]"));
    }

    String shownValue(String name) {
        List<WebElement> cells = browser.findElements(By.cssSelector("td[data-value-of='" + name + "']"));
        return cells.isEmpty() ? null : cells.get(0).getText();
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                    .withMessage(what)
                    .until(d -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "waited " + PATIENCE.toSeconds() + " s for: " + what + "; page status: "
                            + browser.findElement(By.id("status")).getText() + "; rows: "
                            + rows().stream().map(WebElement::getText).toList(),
                    e);
        }
    }

    @Test
    void thePageLoadsAndListsEveryAtomicWithItsValue() {
        assertThat(browser.getTitle()).contains("atomics sample");
        assertThat(rows()).extracting(r -> r.getDomAttribute("data-atomic")).containsExactly(ActuatorTest.ALL);
        for (String name : ActuatorTest.ALL) {
            waitUntil(
                    name + " shows a value",
                    () -> shownValue(name) != null && !shownValue(name).isEmpty());
        }
        assertThat(shownValue("level")).isEqualTo("3");
        assertThat(shownValue("flags")).matches("0x[0-9a-f]{8}");
        WebElement jobsRow = browser.findElement(By.cssSelector("tr[data-atomic='jobs-done']"));
        assertThat(jobsRow.getText()).contains("shm").contains(SHM);
        waitUntil(
                "status says it is up",
                () -> "up".equals(browser.findElement(By.id("status")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("chart-name")).getText()).isEqualTo("jobs-done");
    }

    @Test
    void aValueChangedThroughTheRestApiAppearsWithoutAReload() {
        waitUntil("level shows 3", () -> "3".equals(shownValue("level")));

        Response cas = post("/api/level/cas?expected=3&desired=42");
        assertThat(cas.status()).as("%s", cas).isEqualTo(200);
        waitUntil("level shows 42", () -> "42".equals(shownValue("level")));

        Response seq = post("/api/sequence");
        long taken = seq.json().get("sequence").asLong();
        waitUntil(
                "sequence shows " + (taken + 1), () -> Long.toString(taken + 1).equals(shownValue("sequence")));

        String flagsBefore = shownValue("flags");
        assertThat(put("/api/flags/7").status()).isEqualTo(200);
        String flagsHex = "0x" + getJson("/api/flags").get("hex").asString();
        assertThat(flagsHex).isNotEqualTo(flagsBefore);
        waitUntil("flags show " + flagsHex, () -> flagsHex.equals(shownValue("flags")));

        assertThat(js("return window.__noReload;"))
                .as("the page was not reloaded")
                .isEqualTo("still the same page");

        assertThat(post("/api/level/cas?expected=42&desired=3").status()).isEqualTo(200);
        assertThat(delete("/api/flags/7").status()).isEqualTo(200);
    }

    @Test
    void theChartDrawsTheRateOfTheSharedCounter() throws InterruptedException {
        // another process would do this through shared memory; here the app's own view stands in for it
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < deadline) {
            jobsDone.add(250);
            Thread.sleep(100);
        }
        waitUntil("the chart has samples and a positive rate", () -> {
            String samples = browser.findElement(By.id("rate-chart")).getDomAttribute("data-samples");
            String now = browser.findElement(By.id("rate-peak")).getText().replace(",", "");
            return samples != null
                    && Integer.parseInt(samples) >= 3
                    && now.matches("[0-9.]+")
                    && Double.parseDouble(now) > 0;
        });
        String shown = shownValue("jobs-done");
        assertThat(Long.parseLong(shown)).isPositive();
        assertThat(js("return window.__noReload;")).isEqualTo("still the same page");
    }
}
