package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyPropertiesTest {

  @Test
  void takesAddressesAndNetworksAndGivesTomcatNetworks() {
    ProxyProperties proxies =
        new ProxyProperties(List.of("10.0.3.7", " 10.0.0.0/16 ", "fd00::7", "fd00::/8"));

    assertThat(proxies.cidrs())
        .containsExactly("10.0.3.7/32", "10.0.0.0/16", "fd00::7/128", "fd00::/8");
  }

  @Test
  void trustsNoProxyByDefault() {
    assertThat(new ProxyProperties(List.of()).cidrs()).isEmpty();
  }

  @Test
  void refusesHostNamesAndRegularExpressions() {
    for (String proxy : List.of("proxy.internal", "10\\.0\\.0\\.\\d+", "10.0.0.0/8; x", "")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ProxyProperties(List.of(proxy)))
          .withMessageContaining("dashboard.web.trusted-proxies");
    }
  }
}
