package dev.ecsdashboard.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST API's OpenAPI document ({@code /v3/api-docs}, and the Swagger UI page on it): the {@code
 * /api/v1} endpoints only, HTTP Basic and bearer tokens as the security schemes, and ECS's
 * documents as schemas derived from the SDK model.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // ECS documents are JSON trees written from the SDK model; their schemas come from WireSchemas,
    // not from introspecting the tree classes.
    SpringDocUtils.getConfig()
        .replaceWithSchema(ObjectNode.class, new ObjectSchema())
        .replaceWithSchema(JsonNode.class, new ObjectSchema());
  }

  @Bean
  OpenAPI dashboardOpenApi(ObjectProvider<BuildProperties> build) {
    String version =
        build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("ECS Dashboard API")
                .version(version)
                .description(
                    "List, inspect and stop Amazon ECS tasks. Documents are ECS's own (as the AWS"
                        + " CLI prints them); stops are attributed to the caller, checked against"
                        + " their roles per cluster and audited. Errors are RFC 9457 problem"
                        + " documents."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  OpenApiCustomizer wireSchemas() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      WireSchemas.addTo(openApi.getComponents());
    };
  }
}
