package dev.atomics.guide;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module is the README's 5-minute guide, so that the guide can be tested: its pom has exactly the
 * dependencies of step 1, its application.yml is step 2's YAML, its controller is step 3's code, and the example of
 * "Testing your application" is one of its tests. Any edit of those snippets in the README fails here until the
 * module follows (and the module's tests then check that the guide still works).
 */
class GuideSnippetsTest {

    private static final Readme GUIDE = Readme.read().section("## A 5-minute guide");

    @Test
    void step1HasExactlyThePomsDependencies() throws Exception {
        Document readme = xml("<dependencies>" + GUIDE.from("**1. Add the starter**").fenced("xml") + "</dependencies>");
        Document pom = xml(Files.readString(Path.of("pom.xml")));
        assertThat(dependencies(readme, false)).isNotEmpty().containsExactlyElementsOf(dependencies(pom, true));
        // the version the guide names is the one this build makes
        String version = ((Element) pom.getElementsByTagName("parent").item(0)).getElementsByTagName("version").item(0)
                .getTextContent();
        assertThat(GUIDE.from("**1. Add the starter**").fenced("xml"))
                .contains("<artifactId>atomics-spring-boot-starter</artifactId>\n  <version>" + version + "</version>");
    }

    @Test
    void step2IsTheApplicationYml() throws Exception {
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .isEqualTo(GUIDE.from("**2. Declare atomics in application.yml**").fenced("yaml"));
    }

    @Test
    void step3IsTheController() throws Exception {
        String snippet = GUIDE.from("**3. Inject and use them**").fenced("java");
        assertThat(snippet).contains("class LevelController");
        assertThat(Files.readString(Path.of("src/main/java/dev/atomics/guide/LevelController.java"))).endsWith("\n" + snippet);
    }

    @Test
    void theExampleOfTestingYourApplicationIsATestOfThisModule() throws Exception {
        String snippet = Readme.read(Path.of("..", "docs", "guide.md")).section("## Testing your application").fenced("java");
        assertThat(snippet).contains("@IsolatedAtomics");
        assertThat(Files.readString(Path.of("src/test/java/dev/atomics/guide/LevelControllerTests.java")))
                .isEqualTo("package dev.atomics.guide;\n\n" + snippet);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** groupId:artifactId of each dependency, in order; in a pom, those of the project (not dependencyManagement), test scope left out. */
    private static List<String> dependencies(Document document, boolean pom) {
        List<String> result = new ArrayList<>();
        NodeList all = document.getElementsByTagName("dependency");
        for (int i = 0; i < all.getLength(); i++) {
            Element dependency = (Element) all.item(i);
            if (pom && !((Element) dependency.getParentNode().getParentNode()).getTagName().equals("project")) {
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
