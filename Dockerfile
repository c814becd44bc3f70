# Build stage: the Maven wrapper fetches Maven and the dependencies from Maven Central.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package

# Runtime stage: a JRE only, running as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app mlcore
WORKDIR /app
COPY --from=build /src/target/ml-core.jar target/ml-core.jar
RUN mkdir -p data && chown -R mlcore /app
USER mlcore
ENV PORT=8000
EXPOSE 8000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "target/ml-core.jar"]
