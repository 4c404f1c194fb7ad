package dev.ecsdashboard.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param entries the records of this page
 * @param page the page number, from 0
 * @param size records a page
 * @param total records matching the filter on all pages
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }
}
