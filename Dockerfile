# Node.js for the frontend build (Vite 8 needs Node.js 20.19 or later, newer than Ubuntu's and
# Debian's nodejs packages): taken from the official image, with npm 11 as on the dev machines.
FROM node:20-bookworm-slim AS node

# Build: the Maven wrapper, on a JDK; the build runs npm ci and the Vite build of frontend/.
FROM eclipse-temurin:17-jdk AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && npm install -g npm@11 && node --version && npm --version
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY frontend/ frontend/
COPY src/ src/
RUN ./mvnw -B -ntp -q package -DskipTests && cp target/ecs-dashboard-*.jar /app.jar

# Run: a slim Java runtime, as a non-root user, in aws mode (the default).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app dashboard
WORKDIR /app
COPY --from=build /app.jar /tmp/app.jar
# Start-up with class data sharing (Spring Boot's documented recipe): the jar extracted to app.jar +
# lib/, and a class archive written by a training run that stops once the context is refreshed
# (in demo mode, which needs no AWS account or user source). It starts in about 60% of the time.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar \
    && java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
       --spring.profiles.active=demo --server.port=0 --management.server.port=0 \
       --dashboard.audit.directory=/tmp/training \
    && rm -rf /tmp/training && test -s /app/app.jsa \
    && mkdir /app/data && chown 10001 /app/data
# The embedded audit database (dashboard.audit.directory=./data): keep it on a volume, or point
# spring.datasource.* at PostgreSQL.
VOLUME /app/data
USER 10001
# 8080: the pages and the API. 8081: Actuator (management.server.port), served by its own threads
# so that health checks answer at once however many pages wait on a slow ECS; publish it to the
# orchestrator and the metrics scraper only.
EXPOSE 8080 8081
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://localhost:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
