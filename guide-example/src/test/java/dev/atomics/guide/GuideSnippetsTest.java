package dev.atomics.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.testing.DocExamples;
import dev.atomics.testing.DocExamples.Example;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * This module is the README's 5-minute guide, so that the guide can be tested: its pom has exactly the
 * dependencies of step 1, its application.yml is step 2's YAML, and every Java example marked
 * {@code <!-- example: guide-example -->} (step 3's controller, the test of docs/guide.md's "Testing your
 * application") is one of its source files. Any edit of those examples fails here until the module follows (and
 * the module's tests then check that the guide still works).
 */
class GuideSnippetsTest {

    private static final Readme GUIDE = Readme.read().section("## A 5-minute guide");

    @Test
    void step1HasExactlyThePomsDependencies() throws Exception {
        Document readme =
                xml("<dependencies>" + GUIDE.from("**1. Add the starter**").fenced("xml") + "</dependencies>");
        Document pom = xml(Files.readString(Path.of("pom.xml")));
        assertThat(dependencies(readme, false)).isNotEmpty().containsExactlyElementsOf(dependencies(pom, true));
        // the version the guide names is the one this build makes
        String version = ((Element) pom.getElementsByTagName("parent").item(0))
                .getElementsByTagName("version")
                .item(0)
                .getTextContent();
        assertThat(GUIDE.from("**1. Add the starter**").fenced("xml"))
                .contains("<artifactId>atomics-spring-boot-starter</artifactId>\n  <version>" + version + "</version>");
    }

    @Test
    void step0InstallsTheStarterOfStep1() throws Exception {
        String step0 =
                GUIDE.from("**0. Make the starter resolvable.**").paragraph().replaceAll("\\s+", " ");
        // the module step 1 depends on, built with what it needs, into the local repository a new app resolves from
        assertThat(step0)
                .contains(
                        "`mvn -q -DskipTests install -pl atomics-spring-boot-starter -am`",
                        "`dev.atomics:atomics-spring-boot-starter:0.1.0-SNAPSHOT`");
        assertThat(GUIDE.from("**1. Add the starter**").fenced("xml"))
                .contains("<artifactId>atomics-spring-boot-starter</artifactId>\n  <version>0.1.0-SNAPSHOT</version>");
        assertThat(Path.of("..", "atomics-spring-boot-starter", "pom.xml")).isRegularFile();
    }

    @Test
    void theGuidesSharedMemoryIsNotTheSampleApps() throws Exception {
        Set<String> guide = shmNames(Path.of("src/main/resources/application.yml"));
        Set<String> sample = shmNames(Path.of("..", "sample-app", "src", "main", "resources", "application.yml"));
        assertThat(guide).isNotEmpty();
        assertThat(sample).isNotEmpty().doesNotContainAnyElementsOf(guide);
    }

    private static Set<String> shmNames(Path yml) throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("shm:\\s*([\\w./-]+)").matcher(Files.readString(yml));
        while (m.find()) {
            names.add(m.group(1).replaceFirst("^/", ""));
        }
        return names;
    }

    @Test
    void step2IsTheApplicationYml() throws Exception {
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .isEqualTo(
                        GUIDE.from("**2. Declare atomics in application.yml**").fenced("yaml"));
    }

    @Test
    void everyJavaExampleMarkedForThisModuleIsOneOfItsSourceFiles() throws Exception {
        List<Example> examples = DocExamples.marked("guide-example");
        // step 3's controller (README.md) and the test of "Testing your application" (docs/guide.md)
        assertThat(examples).extracting(Example::declaredType).contains("LevelController", "LevelControllerTest");
        for (Example example : examples) {
            Path main = Path.of("src/main/java/dev/atomics/guide", example.declaredType() + ".java");
            Path test = Path.of("src/test/java/dev/atomics/guide", example.declaredType() + ".java");
            Path source = Files.exists(main) ? main : test;
            assertThat(source)
                    .as("the source file of the example at %s", example)
                    .exists();
            assertThat(Files.readString(source))
                    .as("%s, against the example at %s", source, example)
                    .endsWith("\n" + example.code());
        }
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * groupId:artifactId of each dependency, in order; in a pom, those of the project (not dependencyManagement), test
     * scope left out.
     */
    private static List<String> dependencies(Document document, boolean pom) {
        List<String> result = new ArrayList<>();
        NodeList all = document.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Element dependency = (Element) all.item(i);
            if (pom
                    && !((Element) dependency.getParentNode().getParentNode())
                            .getTagName()
                            .equals("project")) {
                continue;
            }
            if ("test".equals(text(dependency, "scope"))) {
                continue;
            }
            result.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
        return result;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
