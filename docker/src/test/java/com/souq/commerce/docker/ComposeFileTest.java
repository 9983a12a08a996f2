package com.souq.commerce.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker/compose.yaml and the files it uses (Dockerfile, prometheus.yml, Grafana provisioning).
 * Maven runs the tests with the module directory (docker/) as working directory, so every path here is
 * relative to it.
 */
class ComposeFileTest {

    private static final Path MODULE_DIR = Path.of("");
    private static final Path COMPOSE_FILE = Path.of("compose.yaml");
    private static final Path PROMETHEUS_FILE = Path.of("prometheus.yml");
    private static final Path GRAFANA_DATASOURCE_FILE = Path.of("grafana/provisioning/datasources/prometheus.yaml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static final Set<String> EXPECTED_SERVICES = Set.of(
            "axonserver", "postgres", "elasticsearch", "command-side", "query-side", "prometheus", "grafana");
    private static final List<String> ENGINE_SERVICES = List.of("command-side", "query-side");

    /** ${SOUQ_JWT_SECRET:?message}: compose stops with the message when the variable is unset or empty. */
    private static final Pattern REQUIRED_JWT_SECRET = Pattern.compile("^\\$\\{SOUQ_JWT_SECRET:\\?[^}]+}$");

    /** A syntactically valid secret for the child `docker compose` process: 48 bytes, base64. */
    private static final String TEST_JWT_SECRET = "c291cS1jb21wb3NlLXRlc3Qtc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbi0xMjM0NTY3OA==";

    private Map<String, Object> compose;

    @BeforeEach
    void loadComposeFile() throws IOException {
        compose = loadYaml(COMPOSE_FILE);
    }

    // --- structure --------------------------------------------------------------------------------------

    @Test
    void composeFileParsesAndDeclaresExactlyTheSouqServices() {
        assertThat(compose).as("the Compose specification has no top-level version key").doesNotContainKey("version");
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_SERVICES);
    }

    @Test
    void infrastructureRunsThePinnedImages() {
        assertThat(string(service("axonserver"), "image")).matches("axoniq/axonserver:202[45]\\.\\d+\\.\\d+");
        assertThat(string(service("postgres"), "image")).isEqualTo("postgres:15");
        assertThat(string(service("elasticsearch"), "image"))
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.21");
        assertThat(string(service("prometheus"), "image")).startsWith("prom/prometheus");
        assertThat(string(service("grafana"), "image")).startsWith("grafana/grafana");
    }

    @Test
    void axonServerRunsStandaloneAndPublishesItsHttpAndGrpcPorts() {
        Map<String, Object> axonserver = service("axonserver");
        assertThat(environment(axonserver)).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true");
        assertThat(ports(axonserver)).contains("8024:8024", "8124:8124");
    }

    @Test
    void postgresCreatesTheSouqDatabaseWithAPasswordFromTheEnvironment() {
        Map<String, String> env = environment(service("postgres"));
        assertThat(env).containsEntry("POSTGRES_DB", "souq").containsEntry("POSTGRES_USER", "souq");
        assertThat(env.get("POSTGRES_PASSWORD")).isEqualTo("${POSTGRES_PASSWORD:-souq}");
    }

    @Test
    void elasticsearchRunsAsAnUnsecuredSingleNodeWithABoundedHeap() {
        Map<String, String> env = environment(service("elasticsearch"));
        assertThat(env).containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
    }

    // --- the engine services ----------------------------------------------------------------------------

    @Test
    void engineServicesRunTheAxonServerProfileAgainstAxonServerAndPostgres() {
        for (String name : ENGINE_SERVICES) {
            Map<String, String> env = environment(service(name));
            assertThat(profiles(env)).as("%s active profiles", name).containsExactly("axon-server");
            assertThat(env.get("AXON_AXONSERVER_SERVERS")).as("%s Axon Server address", name)
                    .isEqualTo("axonserver:8124");
            assertThat(env.get("SPRING_DATASOURCE_URL")).as("%s datasource", name)
                    .isEqualTo("jdbc:postgresql://postgres:5432/souq");
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as("%s datasource user", name).isEqualTo("souq");
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as("%s datasource password", name)
                    .isEqualTo(environment(service("postgres")).get("POSTGRES_PASSWORD"));
        }
        // The addresses above name these services and ports.
        assertThat(ports(service("axonserver"))).anyMatch(port -> port.endsWith(":8124"));
        assertThat(environment(service("postgres"))).containsEntry("POSTGRES_DB", "souq");
    }

    @Test
    void querySideReadsFromTheComposeElasticsearch() {
        assertThat(environment(service("query-side"))).containsEntry("SOUQ_ELASTICSEARCH_URL", "http://elasticsearch:9200");
    }

    @Test
    void noServiceEnablesTheDevelopmentTokenShortcut() {
        for (var entry : services().entrySet()) {
            Map<String, Object> service = asMap(entry.getValue(), entry.getKey());
            environment(service).forEach((key, value) -> {
                String normalisedKey = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                if (normalisedKey.contains("DEV_TOKENS")) {
                    assertThat(value.trim()).as("%s: %s", entry.getKey(), key).isNotEqualToIgnoringCase("true");
                }
            });
            for (String argument : commandLine(service)) {
                String normalised = argument.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                assertThat(normalised).as("%s command line", entry.getKey()).doesNotContain("DEV_TOKENS");
            }
        }
    }

    @Test
    void jwtSigningSecretIsRequiredFromTheEnvironment() {
        for (String name : ENGINE_SERVICES) {
            assertThat(environment(service(name)).get("SOUQ_SECURITY_JWT_SECRET")).as("%s JWT secret", name)
                    .isNotNull()
                    .matches(REQUIRED_JWT_SECRET);
        }
    }

    @Test
    void personalDataKeyEncryptionKeyIsRequiredFromTheEnvironment() {
        for (String name : ENGINE_SERVICES) {
            assertThat(environment(service(name)).get("SOUQ_PRIVACY_KEY_ENCRYPTION_KEY"))
                    .as("%s key-encryption key of personal data", name)
                    .isNotNull()
                    .matches("^\\$\\{SOUQ_PRIVACY_KEY:\\?[^}]+}$");
        }
    }

    @Test
    void engineServicesPublishTheirApisOn8080And8081() {
        assertThat(ports(service("command-side"))).containsExactly("8080:8080");
        assertThat(ports(service("query-side"))).containsExactly("8081:8080");
    }

    @Test
    void engineServicesAreBuiltFromTheRepositoryWithTheSharedDockerfile() {
        for (String name : ENGINE_SERVICES) {
            Map<String, Object> build = asMap(service(name).get("build"), name + ".build");
            assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
            assertThat(asMap(build.get("args"), name + ".build.args")).containsEntry("MODULE", name);

            Path context = COMPOSE_FILE.toAbsolutePath().getParent().resolve(string(build, "context"));
            assertThat(context.resolve(string(build, "dockerfile"))).as("Dockerfile in the build context").isRegularFile();
            assertThat(context.resolve(name).resolve("pom.xml")).as("the %s Maven module", name).isRegularFile();
        }
    }

    @Test
    void engineHealthchecksProbeSpringReadiness() {
        for (String name : ENGINE_SERVICES) {
            String test = healthcheckCommand(service(name));
            assertThat(test).as("%s healthcheck", name).contains("http://localhost:8080/actuator/health/readiness");
            assertThat(environment(service(name))).as("%s readiness group outside Kubernetes", name)
                    .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        }
    }

    // --- dependencies and health ------------------------------------------------------------------------

    @Test
    void engineServicesWaitForHealthyInfrastructure() {
        assertThat(dependsOn(service("command-side")))
                .containsEntry("axonserver", "service_healthy")
                .containsEntry("postgres", "service_healthy");
        assertThat(dependsOn(service("query-side")))
                .containsEntry("axonserver", "service_healthy")
                .containsEntry("postgres", "service_healthy")
                .containsEntry("elasticsearch", "service_healthy");
    }

    @Test
    void everyServiceThatOthersDependOnHasAHealthcheck() {
        Set<String> dependedOn = new TreeSet<>();
        services().forEach((name, service) -> dependedOn.addAll(dependsOn(asMap(service, name)).keySet()));
        assertThat(dependedOn).as("depended-on services").isNotEmpty();
        assertThat(services().keySet()).containsAll(dependedOn);
        for (String name : dependedOn) {
            Map<String, Object> healthcheck = asMap(service(name).get("healthcheck"), name + ".healthcheck");
            assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(Boolean.TRUE);
            assertThat(healthcheckCommand(service(name))).as("%s healthcheck command", name).isNotBlank();
        }
    }

    @Test
    void statefulServicesKeepTheirDataInDeclaredNamedVolumes() {
        Set<String> declared = asMap(compose.get("volumes"), "volumes").keySet();
        Set<String> used = new LinkedHashSet<>();
        services().forEach((name, service) -> {
            for (Object volume : list(asMap(service, name).get("volumes"))) {
                String source = String.valueOf(volume).split(":", 2)[0];
                if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
                    used.add(source);
                }
            }
        });
        assertThat(declared).as("declared named volumes").containsExactlyInAnyOrderElementsOf(used);
        for (String name : List.of("axonserver", "postgres", "elasticsearch")) {
            assertThat(list(service(name).get("volumes"))).as("%s volumes", name)
                    .anyMatch(volume -> declared.contains(String.valueOf(volume).split(":", 2)[0]));
        }
    }

    // --- monitoring -------------------------------------------------------------------------------------

    @Test
    void prometheusScrapesBothEngineServicesAtTheActuatorEndpoint() throws IOException {
        assertThat(list(service("prometheus").get("volumes")))
                .contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(ports(service("prometheus"))).contains("9090:9090");

        Map<String, Object> prometheus = loadYaml(PROMETHEUS_FILE);
        List<Object> scrapeConfigs = list(prometheus.get("scrape_configs"));
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object config : scrapeConfigs) {
            Map<String, Object> job = asMap(config, "scrape config");
            assertThat(jobs.put(string(job, "job_name"), job)).as("duplicate job %s", job.get("job_name")).isNull();
        }
        for (String name : ENGINE_SERVICES) {
            Map<String, Object> job = jobs.get(name);
            assertThat(job).as("a scrape job named %s", name).isNotNull();
            assertThat(job.get("metrics_path")).as("%s metrics path", name).isEqualTo("/actuator/prometheus");
            List<Object> targets = new ArrayList<>();
            for (Object staticConfig : list(job.get("static_configs"))) {
                targets.addAll(list(asMap(staticConfig, name + " static config").get("targets")));
            }
            assertThat(targets).as("%s targets", name).containsExactly(name + ":8080");
        }
        for (String name : ENGINE_SERVICES) {
            assertThat(environment(service(name)).get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE"))
                    .as("%s exposes the prometheus endpoint", name)
                    .satisfies(value -> assertThat(Arrays.stream(value.split(",")).map(String::trim)).contains("prometheus"));
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasource() throws IOException {
        Map<String, Object> grafana = service("grafana");
        assertThat(ports(grafana)).contains("3000:3000");
        assertThat(list(grafana.get("volumes"))).contains("./grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(MODULE_DIR.resolve(GRAFANA_DATASOURCE_FILE)).isRegularFile();

        Map<String, Object> provisioning = loadYaml(GRAFANA_DATASOURCE_FILE);
        assertThat(provisioning.get("apiVersion")).isEqualTo(1);
        List<Object> datasources = list(provisioning.get("datasources"));
        assertThat(datasources).hasSize(1);
        Map<String, Object> datasource = asMap(datasources.get(0), "datasource");
        assertThat(datasource).containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090")
                .containsEntry("access", "proxy")
                .containsEntry("isDefault", true);
    }

    // --- Dockerfile -------------------------------------------------------------------------------------

    @Test
    void dockerfileBuildsWithMavenOnAJdkAndRunsTheExecJarAsNonRootOnAJre() throws IOException {
        List<String> instructions = dockerfileInstructions();
        List<String> stages = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).matches("FROM eclipse-temurin:21-jdk AS build");
        assertThat(stages.get(1)).isEqualTo("FROM eclipse-temurin:21-jre");

        int runtimeStart = instructions.indexOf(stages.get(1));
        List<String> buildStage = instructions.subList(0, runtimeStart);
        List<String> runtimeStage = instructions.subList(runtimeStart, instructions.size());

        assertThat(buildStage).anyMatch(line -> line.startsWith("RUN ")
                && line.contains("./mvnw -B -pl ${MODULE} -am package -DskipTests"));
        assertThat(runtimeStage).anyMatch(line -> line.startsWith("COPY --from=build ")
                && line.endsWith("/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar"));
        assertThat(runtimeStage).as("curl for the compose healthcheck")
                .anyMatch(line -> line.startsWith("RUN ") && line.matches(".*apt-get install [^&]*\\bcurl\\b.*"));

        List<String> users = runtimeStage.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).as("runtime USER").isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0].trim();
        assertThat(user).isNotIn("root", "0");

        assertThat(runtimeStage.get(runtimeStage.size() - 1))
                .isEqualTo("ENTRYPOINT [\"java\",\"-XX:MaxRAMPercentage=75\",\"-jar\",\"/app/app.jar\"]");
    }

    @Test
    void engineModulesBuildTheExecJarTheDockerfileCopies() throws IOException {
        for (String name : ENGINE_SERVICES) {
            String pom = Files.readString(Path.of("..", name, "pom.xml"), StandardCharsets.UTF_8);
            assertThat(pom).as("%s repackages its Spring Boot jar with the exec classifier", name)
                    .contains("<classifier>exec</classifier>");
        }
    }

    @Test
    void buildContextLeavesOutBuildOutputAndSecretsButKeepsTheMavenReactor() throws IOException {
        // The context is the repository root; a Dockerfile-specific ignore file is the only one docker/ can own.
        Path ignoreFile = Path.of("Dockerfile.dockerignore");
        assertThat(ignoreFile).isRegularFile();
        List<String> patterns = Files.readAllLines(ignoreFile, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(patterns).contains("**/target", ".git", "**/.env");
        assertThat(patterns).as("the reactor needs mvnw, .mvn/ and every module's pom.xml")
                .noneMatch(pattern -> pattern.equals("*") || pattern.equals("**")
                        || pattern.startsWith("mvnw") || pattern.startsWith(".mvn")
                        || pattern.endsWith("pom.xml") || pattern.endsWith(".xml")
                        || pattern.equals("docker") || pattern.equals("docker/") || pattern.equals("docker/*"));
    }

    // --- docker compose itself (only where the v2 plugin is installed) ----------------------------------

    @Test
    void dockerComposeAcceptsTheFile(@TempDir Path output) throws Exception {
        assumeTrue(dockerComposeAvailable(), "`docker compose version` does not work on this machine");

        ProcessResult result = dockerCompose(output, true, "-f", COMPOSE_FILE.toString(), "config");

        assertThat(result.exitCode()).as("docker compose config failed; stderr:%n%s", result.stderr()).isZero();
        assertThat(result.stdout()).contains("command-side", "query-side", TEST_JWT_SECRET);
    }

    @Test
    void dockerComposeRefusesToRenderWithoutTheJwtSecret(@TempDir Path output) throws Exception {
        assumeTrue(dockerComposeAvailable(), "`docker compose version` does not work on this machine");

        ProcessResult result = dockerCompose(output, false, "-f", COMPOSE_FILE.toString(), "config");

        assertThat(result.exitCode()).as("docker compose config without SOUQ_JWT_SECRET; stdout:%n%s", result.stdout())
                .isNotZero();
        assertThat(result.stderr()).contains("SOUQ_JWT_SECRET");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private record ProcessResult(int exitCode, String stdout, String stderr) {
    }

    private static boolean dockerComposeAvailable() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ProcessResult dockerCompose(Path output, boolean withJwtSecret, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "compose"));
        command.addAll(List.of(arguments));
        Path stdout = output.resolve("stdout.txt");
        Path stderr = output.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.remove("COMPOSE_FILE");
        env.remove("COMPOSE_PROFILES");
        env.put("SOUQ_PRIVACY_KEY", "dGVzdC1wcml2YWN5LWtleS1vZi0zMi1ieXRlcy0wMDE=");
        if (withJwtSecret) {
            env.put("SOUQ_JWT_SECRET", TEST_JWT_SECRET);
        } else {
            env.remove("SOUQ_JWT_SECRET");
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker compose " + String.join(" ", arguments) + " did not finish in 120 s");
        }
        return new ProcessResult(process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> loadYaml(Path file) throws IOException {
        assertThat(MODULE_DIR.resolve(file)).as("%s (relative to the docker module)", file).isRegularFile();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new SafeConstructor(options)).load(Files.readString(file, StandardCharsets.UTF_8));
        return asMap(document, file.toString());
    }

    private List<String> dockerfileInstructions() throws IOException {
        // Joins continuation lines and drops comments, so each element is one instruction.
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        assertThat(current.toString()).as("unterminated continuation in the Dockerfile").isBlank();
        return instructions;
    }

    private Map<String, Object> services() {
        return asMap(compose.get("services"), "services");
    }

    private Map<String, Object> service(String name) {
        assertThat(services()).as("services").containsKey(name);
        return asMap(services().get(name), name);
    }

    /** The environment in either Compose form: a mapping, or a list of KEY=VALUE strings. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (raw != null) {
            for (Object entry : list(raw)) {
                String[] keyValue = String.valueOf(entry).split("=", 2);
                env.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : null);
            }
        }
        return env;
    }

    private static List<String> profiles(Map<String, String> env) {
        String active = env.get("SPRING_PROFILES_ACTIVE");
        return active == null ? List.of() : Arrays.stream(active.split(",")).map(String::trim).toList();
    }

    private static List<String> ports(Map<String, Object> service) {
        return list(service.get("ports")).stream().map(String::valueOf).toList();
    }

    private static List<String> commandLine(Map<String, Object> service) {
        List<String> arguments = new ArrayList<>();
        for (String key : List.of("command", "entrypoint")) {
            Object value = service.get(key);
            if (value instanceof List<?> items) {
                items.forEach(item -> arguments.add(String.valueOf(item)));
            } else if (value != null) {
                arguments.add(String.valueOf(value));
            }
        }
        return arguments;
    }

    /** depends_on in either Compose form; the short (list) form means service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> {
                Object condition = spec instanceof Map<?, ?> details ? details.get("condition") : null;
                dependencies.put(String.valueOf(name), condition == null ? "service_started" : String.valueOf(condition));
            });
        } else if (raw != null) {
            list(raw).forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
        }
        return dependencies;
    }

    private static String healthcheckCommand(Map<String, Object> service) {
        Object healthcheck = service.get("healthcheck");
        assertThat(healthcheck).as("healthcheck").isInstanceOf(Map.class);
        Object test = ((Map<?, ?>) healthcheck).get("test");
        if (test instanceof List<?> parts) {
            assertThat(parts).as("healthcheck test").isNotEmpty();
            assertThat(String.valueOf(parts.get(0))).as("healthcheck test form").isIn("CMD", "CMD-SHELL");
            return String.join(" ", parts.subList(1, parts.size()).stream().map(String::valueOf).toList());
        }
        return test == null ? "" : String.valueOf(test);
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertThat(value).as(key).isInstanceOf(String.class);
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        assertThat(value).as("%s is a mapping", what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("a sequence").isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
