package com.souq.commerce.engine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ops page in a real browser: Debian's headless Chromium driven through its chromedriver by Selenium. Support
 * pastes a token, sees the processors with their lag, clicks "Rebuild" on a read model and watches its progress bar
 * reach 100 %. Skipped, saying so, where Chromium is not installed (CI installs it: {@code .ci/run}).
 */
@EngineIntegrationTest
class OpsPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    ChromeDriver browser;
    Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver): the ops page browser test "
                        + "is skipped");
        profile = Files.createTempDirectory("souq-ops-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** The payments row's rebuild bar as shown now, read in one step: state, percent, label, start. */
    private Map<?, ?> paymentsBar() {
        Object shown = ((JavascriptExecutor) browser).executeScript("""
                const bar = document.querySelector("tr[data-processor='payments'] .rebuild-bar");
                return bar ? {state: bar.dataset.state, percent: bar.getAttribute('aria-valuenow'),
                              label: bar.textContent, started: bar.dataset.started} : {};""");
        return (Map<?, ?>) shown;
    }

    @Test
    void supportClicksRebuildAndSeesTheProgressBarReach100Percent() throws IOException {
        String token = new Api(port).token("support-browser", "SUPPORT");
        browser.get("http://localhost:" + port + "/ops");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(100));

        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("use-token")).click();
        By payments = By.cssSelector("tr[data-processor='payments']");
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(payments));
        } catch (RuntimeException e) {
            throw new AssertionError("The page did not list the processors; it says: "
                    + browser.findElement(By.id("message")).getText() + "\n" + browser.getPageSource(), e);
        }
        wait.ignoring(StaleElementReferenceException.class).until(driver -> driver
                .findElement(By.cssSelector("tr[data-processor='payments'] .lag-bar")).getText().contains("lag"));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('tr[data-processor]').length")).asString().isNotIn("0", "1");

        String earlierRebuild = String.valueOf(paymentsBar().get("started"));

        // The table is drawn anew every second: a button found a moment ago may be gone, so find and click at once.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("tr[data-processor='payments'] button.rebuild")).click();
            return true;
        });

        Map<?, ?> finished = wait.until(driver -> {
            Map<?, ?> shown = paymentsBar();
            return !earlierRebuild.equals(String.valueOf(shown.get("started"))) && "100".equals(shown.get("percent"))
                    ? shown : null;
        });
        assertThat(finished.get("state")).isEqualTo("COMPLETED");
        assertThat(String.valueOf(finished.get("label"))).startsWith("100 %").contains("finished");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();

        Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "ops-page.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
