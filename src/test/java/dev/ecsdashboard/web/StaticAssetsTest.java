package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.support.DemoAppTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The frontend's files: served under /assets/ to anyone (the sign-in page needs them), linked by a
 * hash of their content so that browsers may keep them for a year, and nothing else is served from
 * the classpath (a page's links are not looked up as files).
 */
@DemoAppTest
class StaticAssetsTest {

  private static final Pattern ASSET =
      Pattern.compile("(?:src|href)=\"(/assets/(?:js|css)/app-[0-9a-f]{32}\\.(?:js|css))\"");

  @Autowired MockMvc mvc;

  @BeforeEach
  void frontendIsBuilt() {
    // Built by frontend/ during the Maven build; absent only with -Dexec.skip=true.
    assumeThat(new ClassPathResource("static/js/app.js").exists())
        .as("the frontend's build output (static/js/app.js)")
        .isTrue();
  }

  @Test
  void pagesLinkTheFilesByTheHashOfTheirContent() throws Exception {
    String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();

    Matcher assets = ASSET.matcher(page);
    int found = 0;
    while (assets.find()) {
      found++;
      mvc.perform(get(assets.group(1)))
          .andExpect(status().isOk())
          .andExpect(header().string("Cache-Control", "max-age=31536000, public"));
    }
    assertThat(found).as("script and stylesheet links in %s", page).isEqualTo(2);
  }

  @Test
  void servesNothingFromTheClasspathOutsideAssets() throws Exception {
    mvc.perform(get("/js/app.js")).andExpect(status().isFound());
    mvc.perform(get("/assets/application.yml")).andExpect(status().isNotFound());
    mvc.perform(get("/assets/../application.yml")).andExpect(status().is4xxClientError());
  }
}
