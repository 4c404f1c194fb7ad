package dev.ecsdashboard.security;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: a page-side and an API-side endpoint that read or "stop" a cluster the way the
 * services do, through {@link ClusterAccess}, so that both filter chains and the service-level
 * check can be tested before (and independently of) the real pages and API. It is found by
 * component scanning, so it lives in the one shared application context of the tests.
 */
@RestController
class AccessProbeController {

  static final String PAGE = "/test-probe/clusters/{cluster}";
  static final String API = "/api/test-probe/clusters/{cluster}";

  private final ClusterAccess access;

  AccessProbeController(ClusterAccess access) {
    this.access = access;
  }

  @GetMapping({PAGE, API})
  ResponseEntity<String> read(@PathVariable String cluster) {
    access.checkRead(cluster);
    return ResponseEntity.ok(access.currentUser() + " read " + cluster);
  }

  @PostMapping({PAGE + "/stop", API + "/stop"})
  ResponseEntity<String> stop(@PathVariable String cluster) {
    access.checkStop(cluster);
    return ResponseEntity.ok(access.currentUser() + " stopped in " + cluster);
  }
}
