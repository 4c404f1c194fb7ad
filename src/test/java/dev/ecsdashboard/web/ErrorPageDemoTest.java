package dev.ecsdashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.support.DemoAppTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An address no page answers leads to the dashboard's own error page (MockMvc does not forward to
 * {@code /error} by itself, so the test does what the servlet container does); the REST API and
 * clients that do not take HTML get a problem document. A visit to {@code /error} itself is a 404.
 */
@DemoAppTest
class ErrorPageDemoTest {

  @Autowired MockMvc mvc;

  @Test
  void anUnknownAddressGetsTheDashboardsNotFoundPage() throws Exception {
    mvc.perform(
            get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no/such/page")
                .accept(MediaType.TEXT_HTML)
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Page not found")))
        .andExpect(content().string(containsString("href=\"/clusters\"")))
        .andExpect(content().string(not(containsString("Whitelabel"))))
        .andExpect(content().string(not(containsString("Exception"))));
  }

  @Test
  void aPlainVisitToTheErrorAddressIsNotFoundRatherThanAFailure() throws Exception {
    mvc.perform(get("/error").accept(MediaType.TEXT_HTML))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Page not found")));
    mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
    mvc.perform(get("/error").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound());
  }

  @Test
  void anErrorOfAnApiAddressIsAProblemDocumentEvenForABrowser() throws Exception {
    mvc.perform(
            get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/clusters;x")
                .accept(MediaType.TEXT_HTML))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
  }

  @Test
  void aFailureGetsAPlainWordsPageWithoutAStackTrace() throws Exception {
    mvc.perform(
            get("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom"))
                .accept(MediaType.TEXT_HTML)
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isInternalServerError())
        .andExpect(content().string(containsString("Something went wrong")))
        .andExpect(content().string(not(containsString("boom"))))
        .andExpect(content().string(not(containsString("IllegalStateException"))));
  }
}
