package io.tributary.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.tributary.ffmpeg.FfmpegRunner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** media-common stays pure: the JDK, Jackson and itself; no files, no network, no framework. */
class MediaCommonArchitectureTest {

    static final ArchRule ONLY_JDK_JACKSON_AND_ITSELF = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "io.tributary.media..")
            .because("media-common is shared by every service and must not drag a framework into it");

    static final ArchRule NO_FILES_NO_NETWORK = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .because("codecs are pure: I/O belongs to the services");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tributary.media");
        assertTrue(main.size() > 50, "main classes found: " + main.size());
    }

    @Test
    void dependsOnlyOnTheJdkJacksonAndItself() {
        ONLY_JDK_JACKSON_AND_ITSELF.check(main);
    }

    @Test
    void touchesNoFilesAndNoNetwork() {
        NO_FILES_NO_NETWORK.check(main);
    }

    @Test
    void theRulesCatchAClassThatBreaksThem() {
        JavaClasses runner = new ClassFileImporter().importClasses(FfmpegRunner.class); // java.nio.file, java.io.File
        assertThrows(AssertionError.class, () -> NO_FILES_NO_NETWORK.check(runner));
        JavaClasses binaries = new ClassFileImporter().importClasses(io.tributary.ffmpeg.FfmpegBinaries.class);
        assertThrows(AssertionError.class, () -> ONLY_JDK_JACKSON_AND_ITSELF.check(binaries)); // org.bytedeco
    }
}
