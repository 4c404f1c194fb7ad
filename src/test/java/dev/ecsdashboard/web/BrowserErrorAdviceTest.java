package dev.ecsdashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.security.DashboardWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(HomeController.class)
@DashboardWebMvcTest
class BrowserErrorAdviceTest {

  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Autowired MockMvc mvc;

  @Test
  void aBrowserAskingForAnUnknownAddressGetsTheErrorPage() throws Exception {
    mvc.perform(get("/no/such/page").accept(BROWSER).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Page not found")))
        .andExpect(content().string(containsString("href=\"/clusters\"")));
  }

  @Test
  void aBrowserSendingAMethodNoPageTakesGetsTheErrorPage() throws Exception {
    mvc.perform(put("/").with(csrfToken()).accept(BROWSER).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().string(containsString("HTTP <span>405</span>")));
  }

  @Test
  void aClientAskingForJsonKeepsTheProblemDocument() throws Exception {
    mvc.perform(
            get("/no/such/page")
                .accept(MediaType.APPLICATION_JSON)
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void anUnknownApiAddressGetsAProblemDocumentWhateverTheClientAccepts() throws Exception {
    for (String accept : new String[] {BROWSER, "*/*", "text/html", "application/json"}) {
      mvc.perform(
              get("/api/v1/no-such-resource").accept(accept).with(user("viewer").roles("VIEWER")))
          .andExpect(status().isNotFound())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(content().string(containsString("\"status\":404")));
    }
    mvc.perform(get("/api/v1/no-such-resource").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor csrfToken() {
    return org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.csrf();
  }
}
