package dev.ecsdashboard.task;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/** Reads the dashboard's pages as a viewer would, for the full-application tests. */
final class PageScraper {

  private static final Pattern TASK_ROW = Pattern.compile("<tr id=\"task-([0-9a-f-]+)\"");
  private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

  private final MockMvc mvc;
  private final MockHttpSession session = new MockHttpSession();

  PageScraper(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** The page at {@code url}, which must answer 200. */
  String page(String url) throws Exception {
    return mvc.perform(get(url).session(session).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The task IDs of a tasks page, in order. */
  static List<String> taskIds(String page) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = TASK_ROW.matcher(page);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  /** The task IDs of every page, following the "next page" links from {@code url}. */
  List<String> taskIdsOfEveryPage(String url, List<Integer> pageSizes) throws Exception {
    List<String> ids = new ArrayList<>();
    String next = url;
    while (next != null) {
      String page = page(next);
      List<String> onPage = taskIds(page);
      pageSizes.add(onPage.size());
      ids.addAll(onPage);
      Matcher matcher = NEXT.matcher(page);
      next = matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
    }
    return ids;
  }

  /**
   * The texts a page shows for an SDK object's leaf fields, escaped as HTML (times as the ISO
   * instants of their {@code datetime} attributes).
   */
  static List<String> leaves(SdkPojo pojo) {
    List<String> leaves = new ArrayList<>();
    collect(pojo, leaves);
    return leaves;
  }

  private static void collect(Object value, List<String> leaves) {
    if (value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap) {
      return;
    }
    if (value instanceof SdkPojo pojo) {
      for (SdkField<?> field : pojo.sdkFields()) {
        collect(field.getValueOrDefault(pojo), leaves);
      }
    } else if (value instanceof List<?> list) {
      list.forEach(item -> collect(item, leaves));
    } else if (value instanceof java.util.Map<?, ?> map) {
      map.values().forEach(item -> collect(item, leaves));
    } else if (value instanceof Instant instant) {
      leaves.add(instant.toString());
    } else {
      leaves.add(HtmlUtils.htmlEscape(String.valueOf(value)));
    }
  }
}
