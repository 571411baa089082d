package io.tributary.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of STYLE.md: the rules (channels, keys, tokens, the decision, which reads the in-memory view) are plain
 * Java that a unit test builds with {@code new}, with no Kafka; the state and the live directory may talk to Kafka but know nothing of Quarkus or HTTP; only
 * {@code api}, {@code config} and {@link AuthRuntime} are framework code.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary.auth");

    @Test
    void rulesAreFrameworkFree() {
        noClasses().that().resideInAnyPackage("..auth.channel..", "..auth.key..", "..auth.token..",
                        "..auth.decision..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..",
                        "org.apache.kafka..", "io.tributary.auth.api..", "io.tributary.auth.config..")
                .check(CLASSES);
    }

    @Test
    void stateAndLiveKnowKafkaButNotQuarkusOrHttp() {
        noClasses().that().resideInAnyPackage("..auth.state..", "..auth.live..", "..auth.kafka..", "..auth.archive..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.vertx..",
                        "io.tributary.auth.api..", "io.tributary.auth.config..")
                .check(CLASSES);
    }
}
