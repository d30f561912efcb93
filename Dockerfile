# One image recipe for every service, built from the repository root (docker-compose.yml sets the context and
# the arguments), so the parent pom and the shared modules are available to the build stage:
#   docker build --build-arg SERVICE=accounts-service --build-arg PORT=8081 .
ARG SERVICE
ARG PORT

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl ${SERVICE} -am package && cp ${SERVICE}/target/${SERVICE}-*.jar /app.jar

FROM eclipse-temurin:17-jre
ARG PORT
# curl serves the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 app
COPY --from=build /app.jar /app/app.jar
USER app
EXPOSE ${PORT}
ENV SERVER_PORT=${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
