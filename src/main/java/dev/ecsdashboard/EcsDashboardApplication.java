package dev.ecsdashboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the ECS Dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EcsDashboardApplication {

  public static void main(String[] args) {
    SpringApplication.run(EcsDashboardApplication.class, args);
  }
}
