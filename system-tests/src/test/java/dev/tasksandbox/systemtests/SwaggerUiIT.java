package dev.tasksandbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gateway's one Swagger UI, opened in a real headless Chromium (Debian's chromium and chromium-driver),
 * shows the operations of both services, and its Authorize button logs in by itself (the documents declare the
 * OAuth 2 password flow). Without a browser on the machine the test is skipped, unless
 * {@code REQUIRE_BROWSER_TESTS=true} (CI sets it), which turns a missing browser into a failure.
 */
@ExtendWith(SharedStack.class)
class SwaggerUiIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_BOUND = Duration.ofSeconds(30);
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
            Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // This machine's network is closed: without these flags Chromium keeps trying to reach Google's hosts.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Tall enough that the Authorize dialog's buttons are in view, where a click can reach them.
                "--window-size=1280,2400",
                "--user-data-dir=" + (profile = Files.createTempDirectory("chromium-profile")));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void the_gateways_swagger_ui_lists_the_operations_of_both_services() {
        browser.get(SharedStack.get().gatewayUrl() + "/swagger-ui.html");

        assertThat(operationsShown())
                .contains("/api/users", "/api/users/login", "/api/users/me", "/.well-known/jwks.json");

        new Select(browser.findElement(By.cssSelector(".topbar select"))).selectByVisibleText("projects");
        new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//*[contains(@class,'opblock-summary-path') and @data-path='/api/projects']")));

        assertThat(operationsShown())
                .contains(
                        "/api/projects",
                        "/api/projects/{id}",
                        "/api/projects/{id}/archive",
                        "/api/projects/{id}/tasks",
                        "/api/projects/{id}/tasks/{number}/complete");
    }

    @Test
    void the_authorize_button_logs_in_by_the_password_grant_and_try_it_out_then_calls_as_that_user() {
        Api.User user = new Api(SharedStack.get().gatewayUrl()).newUser("swagger-ui");
        browser.get(SharedStack.get().gatewayUrl() + "/swagger-ui.html");

        click(By.cssSelector(".auth-wrapper .btn.authorize"));
        type(By.id("oauth_username"), user.email());
        type(By.id("oauth_password"), Api.PASSWORD);
        click(By.cssSelector(".auth-btn-wrapper .btn.modal-btn.auth.authorize"));
        new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".auth-btn-wrapper .btn.modal-btn.auth"), "Logout"));
        click(By.cssSelector(".auth-btn-wrapper .btn-done"));
        new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux")));

        click(By.cssSelector("#operations-Users-getProfile .opblock-summary-control"));
        click(By.cssSelector("#operations-Users-getProfile .try-out__btn"));
        click(By.cssSelector("#operations-Users-getProfile .btn.execute"));

        WebElement status = new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#operations-Users-getProfile .live-responses-table tr.response .response-col_status")));
        assertThat(status.getText()).isEqualTo("200");
        assertThat(browser.findElement(
                                By.cssSelector(
                                        "#operations-Users-getProfile .live-responses-table tr.response .response-col_description"))
                        .getText())
                .contains(user.email());
    }

    private static void click(By element) {
        new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.elementToBeClickable(element))
                .click();
    }

    private static void type(By field, String text) {
        new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.visibilityOfElementLocated(field))
                .sendKeys(text);
    }

    private static List<String> operationsShown() {
        List<WebElement> paths = new WebDriverWait(browser, PAGE_BOUND)
                .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".opblock-summary-path")));
        return paths.stream().map(path -> path.getAttribute("data-path")).toList();
    }
}
